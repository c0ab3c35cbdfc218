using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    /// <summary>Notes that the time zone changed; the work is synchronous.</summary>
    public sealed class SystemEventTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["TimeZoneChanged"] = true;
        }
    }
}
