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

            if (!BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "SyncTask"))
            {
                var sync = new BackgroundTaskBuilder { Name = "SyncTask", TaskEntryPoint = "Tasks.SyncTask" };
                sync.SetTrigger(new TimeTrigger(15, false));
                sync.Register();
            }

            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => "UploadTask".Equals(t.Name)))
            {
                return;
            }
            var upload = new BackgroundTaskBuilder { Name = "UploadTask", TaskEntryPoint = "Tasks.UploadTask" };
            upload.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            upload.Register();
        }
    }
}
