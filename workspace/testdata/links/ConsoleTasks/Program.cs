using Windows.ApplicationModel.Background;

namespace ConsoleTasks
{
    static class Program
    {
        static void Main()
        {
            var builder = new BackgroundTaskBuilder();
            builder.TaskEntryPoint = "ConsoleTasks.PushTask";
            builder.SetTrigger(new PushNotificationTrigger());
            builder.Register();
        }
    }
}
