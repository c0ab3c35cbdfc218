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

            Schedule(typeof(Fabrikam.Tasks.SyncTask), new TimeTrigger(30, false));
            Prepare(typeof(Fabrikam.Tasks.CleanupTask), new MaintenanceTrigger(60 * 24, false));
        }

        public static bool IsCleanupScheduled() =>
            BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == typeof(Fabrikam.Tasks.CleanupTask).Name);

        private static void Schedule(Type task, IBackgroundTrigger trigger)
        {
            var builder = new BackgroundTaskBuilder { Name = task.Name, TaskEntryPoint = task.FullName };
            builder.SetTrigger(trigger);
            builder.Register();
        }

        // Meant to register too: its Register() call was lost, so the cleanup
        // task is configured and dropped, and never runs.
        private static void Prepare(Type task, IBackgroundTrigger trigger)
        {
            var builder = new BackgroundTaskBuilder
            {
                Name = nameof(Prepare) + "." + task.Name,
                TaskEntryPoint = task.FullName,
            };
            builder.SetTrigger(trigger);
        }
    }
}
