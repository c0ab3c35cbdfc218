using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Litware.Planner
{
    internal static class JobSetup
    {
        public static async Task ScheduleAsync()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var job in BackgroundTaskRegistration.AllTasks.Values)
            {
                job.Unregister(true);
            }

            // one builder, two in-process tasks: each finding points at its own Register()
            var builder = new BackgroundTaskBuilder();
            builder.Name = "PlannerRefresh";
            builder.SetTrigger(new TimeTrigger(60, false));
            builder.Register();

            builder.Name = "PlannerWake";
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.UserPresent, false));
            builder.Register();
        }
    }
}
