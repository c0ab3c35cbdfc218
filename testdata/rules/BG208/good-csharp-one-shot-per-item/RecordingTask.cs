using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    // Starts the recording whose schedule stored this task's TaskId.
    public sealed class RecordingTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            var id = taskInstance.Task.TaskId.ToString();
            ApplicationData.Current.LocalSettings.Values["Started"] = id;
        }
    }
}
