using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Contoso.Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["sync"] = "done";
        }
    }
}
