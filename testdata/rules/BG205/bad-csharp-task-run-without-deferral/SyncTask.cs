using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Task.Run(() => SaveSettings());
        }

        private static void SaveSettings()
        {
            ApplicationData.Current.LocalSettings.Values["lastRun"] = DateTimeOffset.Now.ToString("o");
        }
    }
}
