using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            // the awaits belong to the lambda and the local function, which
            // TaskRunner runs under the deferral it takes
            TaskRunner.RunWithDeferral(taskInstance, async () => await SyncAsync());
            TaskRunner.RunWithDeferral(taskInstance, SaveAsync);

            async Task SaveAsync()
            {
                var folder = ApplicationData.Current.LocalFolder;
                await folder.CreateFileAsync("done.txt", CreationCollisionOption.ReplaceExisting);
            }
        }

        private static Task SyncAsync() => Task.Delay(TimeSpan.FromSeconds(1));
    }

    internal static class TaskRunner
    {
        public static async void RunWithDeferral(IBackgroundTaskInstance taskInstance, Func<Task> work)
        {
            var deferral = taskInstance.GetDeferral();
            try { await work(); }
            finally { deferral.Complete(); }
        }
    }
}
