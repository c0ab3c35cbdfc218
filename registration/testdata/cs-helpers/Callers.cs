using Windows.ApplicationModel.Background;

namespace Helpers
{
    sealed class Callers
    {
        void Start()
        {
            BackgroundTaskHelper.RegisterBackgroundTask(
                name: "Named",
                trigger: new SystemTrigger(SystemTriggerType.UserAway, false),
                taskEntryPoint: "Tasks.NamedArgs");

            BackgroundTaskHelper.RegisterTimer("Tasks.Hourly", 60);
            BackgroundTaskHelper.RegisterTimer("Tasks.TooOften", 5);

            BackgroundTaskHelper.RegisterBackgroundTask("Tasks.WithCondition", "Cond",
                new TimeTrigger(15, false), new SystemCondition(SystemConditionType.UserNotPresent));
        }
    }
}
