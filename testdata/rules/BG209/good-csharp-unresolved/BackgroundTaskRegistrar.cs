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

            // The interval is a user setting; the app enforces the minimum when it is saved.
            var minutes = (uint)(Windows.Storage.ApplicationData.Current.LocalSettings.Values["SyncMinutes"] ?? 60u);
            var builder = new BackgroundTaskBuilder
            {
                Name = "SyncTask",
                TaskEntryPoint = "Tasks.SyncTask"
            };
            builder.SetTrigger(new TimeTrigger(minutes, false));
            builder.Register();
        }
    }
}
