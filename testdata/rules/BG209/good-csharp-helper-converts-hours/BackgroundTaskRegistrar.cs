using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser ||
                status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            Register(1); // every hour
        }

        // The caller passes hours; the helper turns them into the minutes
        // TimeTrigger takes before it uses them.
        private static void Register(uint hours)
        {
            hours *= 60;
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == "SyncTask")
                {
                    registered.Unregister(true);
                }
            }
            var builder = new BackgroundTaskBuilder { Name = "SyncTask", TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(hours, false));
            builder.Register();
        }
    }
}
