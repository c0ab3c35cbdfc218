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
            var work = Task.Run(() => ApplicationData.Current.LocalSettings.Values["ran"] = true);
            work.Wait();
        }
    }
}
