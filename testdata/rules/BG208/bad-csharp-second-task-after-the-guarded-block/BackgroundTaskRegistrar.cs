using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static async Task RegisterAllAsync()
        {
            await BackgroundExecutionManager.RequestAccessAsync();

            var existing = FindSyncTask();
            if (existing == null)
            {
                var sync = new BackgroundTaskBuilder { Name = "SyncTask", TaskEntryPoint = "Tasks.SyncTask" };
                sync.SetTrigger(new TimeTrigger(15, false));
                sync.Register();
            }

            // outside the block: runs whether or not the sync task was found
            var upload = new BackgroundTaskBuilder { Name = "UploadTask", TaskEntryPoint = "Tasks.UploadTask" };
            upload.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            upload.Register();
        }

        private static IBackgroundTaskRegistration FindSyncTask()
        {
            foreach (var pair in BackgroundTaskRegistration.AllTasks)
            {
                if (pair.Value.Name == "SyncTask")
                    return pair.Value;
            }
            return null;
        }
    }
}
