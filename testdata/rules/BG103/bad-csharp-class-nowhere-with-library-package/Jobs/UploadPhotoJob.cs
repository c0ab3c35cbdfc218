using Windows.ApplicationModel.Background;

namespace Jobs
{
    // The declared namespace "Jobs" is this (unreferenced) project's; the declared class is not in it.
    public sealed class UploadPhotoJob : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }
}
