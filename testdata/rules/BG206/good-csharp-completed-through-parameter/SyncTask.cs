using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Finish(taskInstance.GetDeferral());
        }

        private static void Finish(BackgroundTaskDeferral pending)
        {
            ApplicationData.Current.LocalSettings.Values["lastRun"] = DateTimeOffset.Now.ToString("o");
            pending.Complete();
        }
    }
}
