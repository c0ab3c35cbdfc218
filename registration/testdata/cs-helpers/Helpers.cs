using Windows.ApplicationModel.Background;

namespace Helpers
{
    public static class BackgroundTaskHelper
    {
        // Level 1: wraps the builder.
        public static BackgroundTaskRegistration RegisterBackgroundTask(string taskEntryPoint, string name, IBackgroundTrigger trigger, IBackgroundCondition condition = null)
        {
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

        // Level 2: forwards its own parameters.
        public static void RegisterTimer(string entryPoint, uint minutes)
        {
            RegisterBackgroundTask(entryPoint, "Timer-" + entryPoint, new TimeTrigger(minutes, false));
        }

        // Never called: it registers nothing.
        public static void RegisterUnused(string entryPoint)
        {
            var builder = new BackgroundTaskBuilder();
            builder.TaskEntryPoint = entryPoint;
            builder.SetTrigger(new ApplicationTrigger());
            builder.Register();
        }
    }
}
