using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes
{
    internal static class BackgroundTaskConfig
    {
        public static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                registered.Unregister(true);
            }
            // The factory names the task; the trigger is set here, and the
            // declaration has no timer.
            var builder = CreateBuilder("Sync", "Fabrikam.Tasks.SyncTask");
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }

        private static BackgroundTaskBuilder CreateBuilder(string name, string entryPoint)
        {
            return new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
        }
    }
}
