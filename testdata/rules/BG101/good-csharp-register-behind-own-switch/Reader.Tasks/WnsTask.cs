using Windows.ApplicationModel.Background;

namespace Reader.Tasks
{
    public sealed class WnsTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            var raw = taskInstance.TriggerDetails;
        }
    }
}
