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

            RegisterIfAbsent("SyncTask", "Tasks.SyncTask", new TimeTrigger(15, false));
            RegisterIfAbsent("UploadTask", "Tasks.UploadTask", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
        }

        private static void RegisterIfAbsent(string name, string entryPoint, IBackgroundTrigger trigger)
        {
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == name)
                {
                    return;
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
