using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        // Left behind when the app dropped its background sync: nothing
        // calls it, and the manifest declares no task, so the class in the
        // app project is never activated.
        private static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser ||
                status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == "SyncTask")
                {
                    return;
                }
            }

            var builder = new BackgroundTaskBuilder
            {
                Name = "SyncTask",
                TaskEntryPoint = "ContosoSync.SyncTask"
            };
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }
    }
}
