namespace Links.Tasks
{
    public sealed class TimerTask : Windows.ApplicationModel.Background.IBackgroundTask
    {
        public void Run(Windows.ApplicationModel.Background.IBackgroundTaskInstance taskInstance) { }
    }
}
