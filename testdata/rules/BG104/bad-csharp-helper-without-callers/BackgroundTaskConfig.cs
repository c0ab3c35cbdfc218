using System;
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
            RegisterTask("Fabrikam.Tasks.SyncTask", "NotesSync", new TimeTrigger(30, false));
            // the call that registered the cleanup task was deleted
        }

        private static void RegisterTask(string entryPoint, string name, IBackgroundTrigger trigger)
        {
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == name)
                {
                    return;
                }
            }
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
            builder.SetTrigger(trigger);
            builder.Register();
        }

        // Nobody calls it any more.
        private static void RegisterMaintenanceTask(string entryPoint, string name)
        {
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
            builder.SetTrigger(new MaintenanceTrigger(60 * 24, false));
            builder.Register();
        }
    }
}
