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
        private ThreadPoolTimer _timer;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            _deferral = taskInstance.GetDeferral();
            _timer = ThreadPoolTimer.CreateTimer(OnTick, TimeSpan.FromSeconds(5));
        }

        private void OnTick(ThreadPoolTimer timer)
        {
            ApplicationData.Current.LocalSettings.Values["ticked"] = true;
            _deferral.Complete();
        }
    }
}
