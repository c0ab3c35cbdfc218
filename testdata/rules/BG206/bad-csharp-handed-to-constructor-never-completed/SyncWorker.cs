using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    internal sealed class SyncWorker
    {
        private readonly BackgroundTaskDeferral _done;
        private ThreadPoolTimer _timer;

        public SyncWorker(BackgroundTaskDeferral done)
        {
            _done = done;
        }

        public void Start()
        {
            _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5));
        }

        private void OnTick(ThreadPoolTimer timer)
        {
            ApplicationData.Current.LocalSettings.Values["ticked"] = true;
        }
    }
}
