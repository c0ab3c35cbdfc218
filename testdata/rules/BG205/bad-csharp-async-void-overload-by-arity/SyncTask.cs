using System.Net.Http;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        // Save(url) has one argument: it binds to the async void overload,
        // not to the synchronous Save(key, value).
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Save("https://contoso.example/sync");
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
