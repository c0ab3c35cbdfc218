using Windows.ApplicationModel.Background;

namespace NewsTasks
{
    public sealed class DigestTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            var settings = Windows.Storage.ApplicationData.Current.LocalSettings;
            settings.Values["DigestTask.LastRun"] = System.DateTimeOffset.UtcNow.ToString("o");
        }
    }
}
