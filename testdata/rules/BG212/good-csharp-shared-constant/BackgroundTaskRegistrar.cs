using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        private const string TaskName = "SyncTask";

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
                if (registered.Name == TaskName)
                {
                    return;
                }
            }

            var builder = new BackgroundTaskBuilder
            {
                Name = TaskName,
                TaskEntryPoint = "Tasks.SyncTask"
            };
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }
    }
}
