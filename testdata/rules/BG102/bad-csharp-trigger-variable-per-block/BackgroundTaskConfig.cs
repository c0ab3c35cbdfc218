using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes
{
    internal static class BackgroundTaskConfig
    {
        // Each task is set up in a block of its own, with a variable named
        // trigger in each. The sync task's block asks for a timer, which
        // its declaration lacks; the cleanup task runs on a maintenance trigger.
        public static async Task RegisterAsync(bool sync, bool cleanup)
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

            if (sync)
            {
                var builder = new BackgroundTaskBuilder { Name = "Sync", TaskEntryPoint = "Fabrikam.Tasks.SyncTask" };
                var trigger = new TimeTrigger(30, false);
                builder.SetTrigger(trigger);
                builder.Register();
            }
            if (cleanup)
            {
                var builder = new BackgroundTaskBuilder { Name = "Cleanup", TaskEntryPoint = "Fabrikam.Tasks.CleanupTask" };
                var trigger = new MaintenanceTrigger(60 * 24, false);
                builder.SetTrigger(trigger);
                builder.Register();
            }
        }
    }
}
