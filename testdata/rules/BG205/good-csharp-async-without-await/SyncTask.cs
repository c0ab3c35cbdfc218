using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        // async without any await: the compiler warns (CS1998) and the
        // method runs to its end synchronously, like a plain void Run.
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            var settings = ApplicationData.Current.LocalSettings;
            settings.Values["lastRun"] = DateTimeOffset.Now.ToString("o");
        }
    }
}
