using System;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Fabrikam.Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["SyncTask.LastRun"] = DateTimeOffset.Now.ToString("o");
        }
    }
}
