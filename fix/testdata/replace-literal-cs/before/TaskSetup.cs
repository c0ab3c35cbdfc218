using Windows.ApplicationModel.Background;

namespace Contoso.Sample
{
    internal static class TaskSetup
    {
        public static void Register()
        {
            var builder = new BackgroundTaskBuilder { Name = "Überprüfung ✓" }; builder.TaskEntryPoint = "contoso.tasks.TimerTask";
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }
    }
}
