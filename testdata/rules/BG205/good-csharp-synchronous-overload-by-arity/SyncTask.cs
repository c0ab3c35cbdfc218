using System.Net.Http;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        // Save(key, value) has two arguments: it binds to the synchronous
        // overload, which finishes before Run returns.
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Save("Sync", "https://contoso.example/sync");
        }

        private async void Save(string url, int retries = 0)
        {
            using var client = new HttpClient();
            Save("Sync", await client.GetStringAsync(url));
        }

        private void Save(string key, string value)
        {
            ApplicationData.Current.LocalSettings.Values[key] = value;
        }
    }
}
