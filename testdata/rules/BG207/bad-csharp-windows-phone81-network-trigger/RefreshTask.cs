using Windows.ApplicationModel.Background;

namespace Tasks
{
    public sealed class RefreshTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
        }
    }
}
