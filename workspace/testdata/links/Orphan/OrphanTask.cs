namespace Links.Orphan
{
    public sealed class OrphanTask : Windows.ApplicationModel.Background.IBackgroundTask
    {
        public void Run(Windows.ApplicationModel.Background.IBackgroundTaskInstance taskInstance) { }
    }
}
