using System;
using Windows.ApplicationModel.Background;

namespace Northwind.Common
{
    // Shared by several apps; each caller asks for background access first.
    public static class JobScheduler
    {
        public static BackgroundTaskRegistration Schedule(string taskName, string entryPoint, IBackgroundTrigger trigger, params IBackgroundCondition[] conditions)
        {
            var builder = new BackgroundTaskBuilder { Name = taskName };
            if (entryPoint != string.Empty)
            {
                builder.TaskEntryPoint = entryPoint;
            }
            builder.SetTrigger(trigger);
            foreach (var condition in conditions)
            {
                builder.AddCondition(condition);
            }
            return builder.Register();
        }

        // by task class
        public static BackgroundTaskRegistration Schedule(Type taskType, IBackgroundTrigger trigger, params IBackgroundCondition[] conditions)
        {
            return Schedule(taskType.Name, taskType.FullName, trigger, conditions);
        }

        // in the app's own process
        public static BackgroundTaskRegistration Schedule(string taskName, IBackgroundTrigger trigger, params IBackgroundCondition[] conditions)
        {
            return Schedule(taskName, string.Empty, trigger, conditions);
        }
    }
}
