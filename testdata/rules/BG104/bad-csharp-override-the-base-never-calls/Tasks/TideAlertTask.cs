using Windows.ApplicationModel.Background;

namespace Litware.Tides.Tasks
{
    public sealed class TideAlertTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            // posts a toast when high tide is near
        }
    }
}
