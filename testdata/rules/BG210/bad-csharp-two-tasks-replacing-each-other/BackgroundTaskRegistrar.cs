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

            Replace("SyncTask", "Tasks.SyncTask", new TimeTrigger(15, false));
            Replace("SyncTask", "Tasks.UploadTask", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
        }

        private static void Replace(string name, string entryPoint, IBackgroundTrigger trigger)
        {
            // replaces the task of that name: the second call drops the
            // first call's task, so only one of the two ever runs
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == name)
                {
                    registered.Unregister(true);
                }
            }

            var builder = new BackgroundTaskBuilder
            {
                Name = name,
                TaskEntryPoint = entryPoint
            };
            builder.SetTrigger(trigger);
            builder.Register();
        }
    }
}
