using Windows.ApplicationModel.Background;

namespace Beacon.Jobs
{
    public sealed class PulseJob : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["pulse"] = System.DateTimeOffset.Now.ToString("o");
        }
    }
}
