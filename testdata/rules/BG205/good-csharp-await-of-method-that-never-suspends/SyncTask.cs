using System;
using System.Diagnostics;
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
            // LogAsync never awaits: it runs to its end here and returns a
            // finished task, so Run has not returned when it takes the deferral.
            await LogAsync("sync starting");
            var deferral = taskInstance.GetDeferral();
            try
            {
                using (var client = new HttpClient())
                {
                    var body = await client.GetStringAsync(new Uri("https://contoso.example/sync"));
                    var file = await ApplicationData.Current.LocalFolder.CreateFileAsync("sync.json", CreationCollisionOption.ReplaceExisting);
                    await FileIO.WriteTextAsync(file, body);
                }
            }
            finally
            {
                deferral.Complete();
            }
        }

        private static async Task LogAsync(string message)
        {
            Debug.WriteLine(message);
        }
    }
}
