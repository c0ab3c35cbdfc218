using Windows.ApplicationModel.Background;

namespace Gallery.Tasks
{
    public sealed class ThumbnailRefresh : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["ThumbnailsRefreshed"] = true;
        }
    }
}
