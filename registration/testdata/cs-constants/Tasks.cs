using Windows.ApplicationModel.Background;

namespace Contoso.Tasks
{
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    public sealed class CleanupTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    public sealed class AliasTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
