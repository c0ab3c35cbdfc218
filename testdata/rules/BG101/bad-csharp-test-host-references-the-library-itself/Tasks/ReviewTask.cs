using Windows.ApplicationModel.Background;
namespace Tasks { public sealed class ReviewTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }
