using Windows.ApplicationModel.Background;

namespace Clock.Tasks
{
    public sealed class ChimeTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
        }
    }
}
