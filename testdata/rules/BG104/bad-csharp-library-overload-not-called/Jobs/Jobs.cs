using Windows.ApplicationModel.Background;

namespace Northwind.Jobs
{
    public sealed class Refresh : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    // declared in the manifest, registered nowhere
    public sealed class Archive : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
