using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        private BackgroundTaskDeferral _deferral;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            DeferralHelper.Take(taskInstance, ref _deferral);
            Finish();
        }

        private void Finish() { _deferral?.Complete(); }
    }
}
