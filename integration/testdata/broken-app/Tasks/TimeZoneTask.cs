using Windows.ApplicationModel.Background;

namespace Contoso.Tasks
{
    public sealed class TimeZoneTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            TimeZoneNotifier.ShowToast();
        }
    }
}
