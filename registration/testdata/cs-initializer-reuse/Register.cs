using Windows.ApplicationModel.Background;

namespace Reuse
{
    sealed class Registrar
    {
        public void Register()
        {
            var builder = new BackgroundTaskBuilder
            {
                Name = "Shared",
                TaskEntryPoint = "Tasks.SharedTask",
                IsNetworkRequested = true,
            };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.AddCondition(new SystemCondition(SystemConditionType.InternetAvailable));
            builder.Register();

            // same builder, its trigger replaced: a second registration with the new one
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.NetworkStateChange, false));
            builder.Register();

            // a new builder in the same variable
            builder = new BackgroundTaskBuilder();
            builder.Name = "InProcess";
            builder.SetTrigger(new ApplicationTrigger());
            builder.Register();
        }
    }
}
