using System.Threading.Tasks;
using Windows.ApplicationModel;

namespace Clipper
{
    static class AutoStart
    {
        // The preview build ships from another manifest with another TaskId.
        const string TaskId =
#if PREVIEW
            "ClipperPreviewStartup";
#else
            "ClipperStartup";
#endif

        public static async Task<bool> IsEnabledAsync()
        {
            StartupTask task = await StartupTask.GetAsync(TaskId);
            return task.State == StartupTaskState.Enabled;
        }
    }
}
