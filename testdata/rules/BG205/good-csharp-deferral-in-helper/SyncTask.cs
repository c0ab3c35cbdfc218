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

        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            BeginWork(taskInstance);
            try
            {
                var body = await DownloadAsync();
                await SaveAsync(body);
            }
            finally
            {
                EndWork();
            }
        }

        // Takes the deferral before Run's first await: Run calls it first.
        private void BeginWork(IBackgroundTaskInstance taskInstance)
        {
            _deferral = taskInstance.GetDeferral();
            taskInstance.Canceled += (sender, reason) => EndWork();
        }

        private void EndWork()
        {
            var deferral = System.Threading.Interlocked.Exchange(ref _deferral, null);
            deferral?.Complete();
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
