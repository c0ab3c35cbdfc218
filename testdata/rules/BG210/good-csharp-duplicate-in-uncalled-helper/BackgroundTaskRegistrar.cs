using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static async Task RegisterAllAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser ||
                status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "SyncTask"))
            {
                return;
            }
            var builder = new BackgroundTaskBuilder { Name = "SyncTask", TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }

        // The upload used to share the sync task's name; it was replaced by
        // the sync task, and nothing calls this any more.
        internal static void RegisterUploadLegacy()
        {
            var builder = new BackgroundTaskBuilder { Name = "SyncTask", TaskEntryPoint = "Tasks.UploadTask" };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            builder.Register();
        }
    }
}
