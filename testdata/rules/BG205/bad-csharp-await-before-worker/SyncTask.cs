using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Tasks
{
    // The worker that takes the deferral is awaited only after another
    // await: by then Run has returned and the task may already be ended.
    public sealed class SyncTask : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            await Task.Yield();
            await SyncAsync(taskInstance);
        }

        private async Task SyncAsync(IBackgroundTaskInstance taskInstance)
        {
            var deferral = taskInstance.GetDeferral();
            await Task.Delay(100);
            deferral.Complete();
        }
    }
}
