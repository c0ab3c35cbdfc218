using System.Linq;
using Windows.ApplicationModel.Background;

namespace Litware.Tides
{
    public static class TaskScheduler
    {
        internal static void ScheduleAlerts()
        {
            Schedule("tide-alert", "Litware.Tides.Tasks.TideAlertTask", 60);
        }

        private static void Schedule(string name, string entryPoint, uint minutes)
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == name))
            {
                return;
            }
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
            builder.SetTrigger(new TimeTrigger(minutes, false));
            builder.Register();
        }
    }
}
