using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            // SyncWorker takes the deferral before its first await
            await new SyncWorker(taskInstance).RunAsync();
        }
    }

    internal sealed class SyncWorker
    {
        private readonly IBackgroundTaskInstance _instance;

        public SyncWorker(IBackgroundTaskInstance instance) { _instance = instance; }

        public async Task RunAsync()
        {
            var deferral = _instance.GetDeferral();
            try { await Task.Delay(TimeSpan.FromSeconds(1)); }
            finally { deferral.Complete(); }
        }
    }
}
