using System.Net.Http;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        // The work returns a Task that Run awaits before it completes the
        // deferral.
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            var deferral = taskInstance.GetDeferral();
            try
            {
                await DownloadAndSaveAsync();
            }
            finally
            {
                deferral.Complete();
            }
        }

        private static async Task DownloadAndSaveAsync()
        {
            using var client = new HttpClient();
            var body = await client.GetStringAsync("https://contoso.example/sync");
            var file = await ApplicationData.Current.LocalFolder.CreateFileAsync("sync.json", CreationCollisionOption.ReplaceExisting);
            await FileIO.WriteTextAsync(file, body);
        }
    }
}
