using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace CsBasic
{
    /// <summary>Names and entry points of the app's background tasks.</summary>
    public static class BackgroundTaskConfig
    {
        public const string TimerTaskEntryPoint = "Tasks.TimerTask";
        public const string TimerTaskName = "TimerTask";
        public static readonly string SystemEventTaskName = "TimeZoneChangedTask";

        // The freshness time of the timer task, in minutes (15 is the minimum).
        public const uint TimerFreshnessMinutes = 15;

        /// <summary>
        /// Registers a background task once: an existing registration with the
        /// same name is returned as it is.
        /// </summary>
        public static async Task<BackgroundTaskRegistration> RegisterBackgroundTask(
            string taskEntryPoint, string name, IBackgroundTrigger trigger, IBackgroundCondition condition)
        {
            foreach (var existing in BackgroundTaskRegistration.AllTasks)
            {
                if (existing.Value.Name == name)
                {
                    return (BackgroundTaskRegistration)existing.Value;
                }
            }

            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return null;
            }

            var builder = new BackgroundTaskBuilder();
            builder.Name = name;
            builder.TaskEntryPoint = taskEntryPoint;
            builder.SetTrigger(trigger);
            if (condition != null)
            {
                builder.AddCondition(condition);
            }
            return builder.Register();
        }
    }
}
