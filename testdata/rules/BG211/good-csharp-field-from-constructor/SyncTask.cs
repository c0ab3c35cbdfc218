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
            new SyncWorker(taskInstance.GetDeferral()).Start();
        }
    }

    internal sealed class SyncWorker
    {
        private readonly BackgroundTaskDeferral _deferral;
        private ThreadPoolTimer _timer;

        public SyncWorker(BackgroundTaskDeferral deferral) { _deferral = deferral; }

        public void Start() { _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5)); }

        private void OnTick(ThreadPoolTimer timer) { _deferral.Complete(); }
    }
}
