using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            var settings = Windows.Storage.ApplicationData.Current.LocalSettings;
            settings.Values["LastSync"] = System.DateTimeOffset.Now.ToString("o");
        }
    }
}
