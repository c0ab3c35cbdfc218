using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static async Task RegisterAsync()
        {
            // fire and forget: the request runs while the task is registered
            _ = BackgroundExecutionManager.RequestAccessAsync();
            Windows.ApplicationModel.Background.BackgroundExecutionManager.RequestAccessAsync();

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
                TaskEntryPoint = "Tasks.SyncTask"
            };
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }
    }
}
