using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    // Kept for a future release: nothing calls it yet.
    public static class TaskRegistrar
    {
        public static void Register(string name, string entryPoint, IBackgroundTrigger trigger, IBackgroundCondition condition)
        {
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
            builder.SetTrigger(trigger);
            if (condition != null)
            {
                builder.AddCondition(condition);
            }
            builder.Register();
        }
    }
}
