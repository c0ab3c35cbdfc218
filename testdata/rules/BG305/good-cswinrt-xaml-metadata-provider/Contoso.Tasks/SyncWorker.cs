using Windows.ApplicationModel.Background;

namespace Contoso.Tasks
{
    public sealed class SyncWorker : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            var settings = Windows.Storage.ApplicationData.Current.LocalSettings;
            settings.Values["LastRun"] = System.DateTimeOffset.Now.ToString("o");
        }
    }
}
