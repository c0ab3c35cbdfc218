#if LIVE_SOCKET
// Switched off: no configuration of Reader.csproj defines LIVE_SOCKET,
// so this file compiles to nothing and nothing below is ever registered.
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
