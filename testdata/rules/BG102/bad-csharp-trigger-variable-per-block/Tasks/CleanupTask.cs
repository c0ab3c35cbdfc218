using System;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Fabrikam.Tasks
{
    public sealed class CleanupTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["CleanupTask.LastRun"] = DateTimeOffset.Now.ToString("o");
        }
    }
}
