using Windows.ApplicationModel.Background;
using Windows.System.Threading;

namespace Probe
{
    // Started at boot on the device: it samples for as long as the device
    // runs, so the deferral is taken and never completed.
    public sealed class ProbeLoop : IBackgroundTask
    {
        private BackgroundTaskDeferral _keepRunning;
        private ThreadPoolTimer _sampler;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            _keepRunning = taskInstance.GetDeferral();
            _sampler = ThreadPoolTimer.CreatePeriodicTimer(Sample, System.TimeSpan.FromSeconds(2));
        }

        private void Sample(ThreadPoolTimer timer)
        {
            Reading.Latest = Reading.Take();
        }
    }
}
