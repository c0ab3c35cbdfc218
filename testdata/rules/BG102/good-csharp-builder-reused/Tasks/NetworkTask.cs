using System;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Fabrikam.Tasks
{
    public sealed class NetworkTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["NetworkTask.LastRun"] = DateTimeOffset.Now.ToString("o");
        }
    }
}
