using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            // the framework's Task.Delay suspends: Run returns here, before
            // the deferral is taken, and the task may be ended
            await Task.Delay(500);
            var deferral = taskInstance.GetDeferral();
            try
            {
                await Retry.Delay(2);
            }
            finally
            {
                deferral.Complete();
            }
        }
    }

    // The App's own Delay finishes at once (no await); it is not the one
    // Run awaits first.
    internal static class Retry
    {
        internal static async Task Delay(int attempt)
        {
            System.Diagnostics.Debug.WriteLine("retry " + attempt);
        }
    }
}
