using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        // Left over from an earlier version: nothing calls it, so the
        // misspelt look-up never runs either (BG104 says the task is never
        // registered).
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
                if (registered.Name == "Synctask")
                {
                    return;
                }
            }

            var builder = new BackgroundTaskBuilder
            {
                Name = "SyncTask",
                TaskEntryPoint = "Tasks.SyncTask"
            };
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }
    }
}
