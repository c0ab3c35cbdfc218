using System;
using System.Net.Http;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            var deferral = taskInstance.GetDeferral();
            try
            {
                var body = await DownloadAsync();
                await SaveAsync(body);
            }
            finally
            {
                deferral.Complete();
            }
        }

        private static async Task<string> DownloadAsync()
        {
            using (var client = new HttpClient())
            {
                return await client.GetStringAsync(new Uri("https://contoso.example/sync"));
            }
        }

        private static async Task SaveAsync(string body)
        {
            var folder = ApplicationData.Current.LocalFolder;
            var file = await folder.CreateFileAsync("sync.json", CreationCollisionOption.ReplaceExisting);
            await FileIO.WriteTextAsync(file, body);
        }
    }
}
