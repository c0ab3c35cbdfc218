using System;
using System.Net.Http;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        private BackgroundTaskDeferral _deferral;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            _deferral = taskInstance.GetDeferral();
            taskInstance.Canceled += (sender, reason) => Finish();
            _ = RunAsync();
        }

        private async Task RunAsync()
        {
            try
            {
                var body = await DownloadAsync();
                await SaveAsync(body);
            }
            finally
            {
                Finish();
            }
        }

        // Run and Canceled race to finish: whoever takes the deferral first completes it.
        private void Finish()
        {
            System.Threading.Interlocked.Exchange(ref _deferral, null)?.Complete();
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
