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
            // a class of another assembly holds the deferral: its code is not
            // among the sources, so whether it completes it is unknown
            var deferral = taskInstance.GetDeferral();
            Contoso.Jobs.JobScheduler.Enqueue(deferral, "sync");
        }
    }
}
