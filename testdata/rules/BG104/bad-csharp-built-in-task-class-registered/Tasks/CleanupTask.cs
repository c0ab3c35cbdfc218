using Windows.ApplicationModel.Background;

namespace Fabrikam.Tasks
{
    // declared in the manifest; the code that registered it is gone
    public sealed class CleanupTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
        }
    }
}
