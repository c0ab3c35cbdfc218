using System.Net.Http;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        // No deferral, and the download starts one call down, in an async
        // void method: Run returns before it is done.
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Refresh();
        }

        private void Refresh()
        {
            DownloadAndSave();
        }

        private async void DownloadAndSave()
        {
            using var client = new HttpClient();
            var body = await client.GetStringAsync("https://contoso.example/sync");
            ApplicationData.Current.LocalSettings.Values["Sync"] = body;
        }
    }
}
