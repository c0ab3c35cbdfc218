using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Litware.Planner
{
    internal static class JobSetup
    {
        public static async Task ScheduleAsync(bool justUpdated)
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var job in BackgroundTaskRegistration.AllTasks.Values)
            {
                job.Unregister(true);
            }

            // one builder for all three; SetTrigger replaces the trigger each time
            var builder = new BackgroundTaskBuilder();
            builder.Name = "PlannerRefresh";
            builder.TaskEntryPoint = "Litware.Jobs.RefreshJob";
            builder.SetTrigger(new TimeTrigger(60, false));
            builder.Register();

            if (justUpdated)
            {
                // registered here with the SystemTrigger only
                builder.Name = "PlannerMigrate";
                builder.TaskEntryPoint = "Litware.Jobs.MigrateJob";
                builder.SetTrigger(new SystemTrigger(SystemTriggerType.ServicingComplete, true));
                builder.Register();
            }

            builder.Name = "PlannerInbox";
            builder.TaskEntryPoint = "Litware.Jobs.InboxJob";
            builder.SetTrigger(new PushNotificationTrigger());
            builder.Register();
        }
    }
}
