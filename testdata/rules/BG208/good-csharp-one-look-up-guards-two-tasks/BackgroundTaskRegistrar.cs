using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        private const string SyncName = "SyncTask";
        private const string UploadName = "UploadTask";

        public static async Task RegisterAllAsync()
        {
            await BackgroundExecutionManager.RequestAccessAsync();

            // both tasks are registered together, so looking one up is enough:
            // a run that finds the sync task registers neither
            if (FindTask(SyncName) != null)
                return;

            var sync = new BackgroundTaskBuilder { Name = SyncName, TaskEntryPoint = "Tasks.SyncTask" };
            sync.SetTrigger(new TimeTrigger(15, false));
            sync.Register();

            var upload = new BackgroundTaskBuilder { Name = UploadName, TaskEntryPoint = "Tasks.UploadTask" };
            upload.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            upload.Register();
        }

        private static IBackgroundTaskRegistration FindTask(string name)
        {
            foreach (var pair in BackgroundTaskRegistration.AllTasks)
            {
                if (pair.Value.Name == name)
                    return pair.Value;
            }
            return null;
        }
    }
}
