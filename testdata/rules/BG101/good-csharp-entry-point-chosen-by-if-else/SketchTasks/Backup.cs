using Windows.ApplicationModel.Background;

namespace SketchTasks
{
    public sealed class Backup : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
        }
    }
}
