#if DEBUG
// Debug builds only: the Debug configuration defines DEBUG, so there this
// registers a task the manifest does not declare, and Register() throws.
using System.Linq;
using Windows.ApplicationModel.Background;

namespace Reader
{
    static class SocketFeed
    {
        public static void Enable()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "socket-feed"))
                return;
            var builder = new BackgroundTaskBuilder
            {
                Name = "socket-feed",
                TaskEntryPoint = "Reader.Tasks.SocketTask",
            };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            builder.Register();
        }
    }
}
#endif
