using Windows.ApplicationModel.Background;

namespace Tasks
{
    public sealed class UpdatedTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["Updated"] = true;
        }
    }
}
