using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Northwind.Radio.Tasks
{
    public sealed class ScheduleTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["schedule"] = "checked";
        }
    }
}
