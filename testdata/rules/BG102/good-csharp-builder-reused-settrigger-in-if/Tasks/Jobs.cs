using Windows.ApplicationModel.Background;

namespace Litware.Jobs
{
    public sealed class RefreshJob : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    public sealed class MigrateJob : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    public sealed class InboxJob : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
