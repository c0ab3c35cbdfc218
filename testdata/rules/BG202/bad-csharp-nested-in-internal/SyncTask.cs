using Windows.ApplicationModel.Background;

namespace Tasks
{
    // groups the jobs of the app; internal by default
    static class Jobs
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
}
