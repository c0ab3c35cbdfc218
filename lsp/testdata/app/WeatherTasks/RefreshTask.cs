using Windows.ApplicationModel.Background;

namespace WeatherTasks
{
    public sealed class RefreshTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            var settings = Windows.Storage.ApplicationData.Current.LocalSettings;
            settings.Values["RefreshTask.LastRun"] = System.DateTimeOffset.UtcNow.ToString("o");
        }
    }
}
