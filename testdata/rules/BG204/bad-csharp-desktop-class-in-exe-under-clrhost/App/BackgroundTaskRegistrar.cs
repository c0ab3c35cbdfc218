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
