using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Tasks
{
    // Run hands the work to an async method and awaits it. The worker takes
    // the deferral before its own first await, and that part runs before
    // Run's await suspends, so the deferral is taken in time.
    public sealed class SyncTask : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance) => await this.SyncAsync(taskInstance);

        private async Task SyncAsync(IBackgroundTaskInstance taskInstance)
        {
            var deferral = taskInstance.GetDeferral();
            try
            {
                await Task.Delay(100);
            }
            finally
            {
                deferral.Complete();
            }
        }
    }
}
