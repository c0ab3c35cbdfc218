using Windows.ApplicationModel.Background;

namespace Radio.Tasks
{
    public sealed class PollTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
