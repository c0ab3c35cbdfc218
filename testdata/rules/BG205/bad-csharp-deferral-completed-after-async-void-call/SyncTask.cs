using System.Net.Http;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        private BackgroundTaskDeferral _deferral;

        // The deferral is taken, but completed on the line after the call
        // of an async void method, which returns at its first await: the
        // download is not covered.
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            _deferral = taskInstance.GetDeferral();
            DownloadAndSave();
            _deferral.Complete();
        }

        private static async void DownloadAndSave()
        {
            using var client = new HttpClient();
            var body = await client.GetStringAsync("https://contoso.example/sync");
            var file = await ApplicationData.Current.LocalFolder.CreateFileAsync("sync.json", CreationCollisionOption.ReplaceExisting);
            await FileIO.WriteTextAsync(file, body);
        }
    }
}
