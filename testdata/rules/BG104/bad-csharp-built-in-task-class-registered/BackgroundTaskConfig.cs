using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Networking.Sockets;

namespace Fabrikam.Notes
{
    internal static class BackgroundTaskConfig
    {
        public static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                registered.Unregister(true);
            }

            var sync = new BackgroundTaskBuilder { Name = "NotesSync", TaskEntryPoint = "Fabrikam.Tasks.SyncTask" };
            sync.SetTrigger(new TimeTrigger(30, false));
            sync.Register();

            // the keep-alive task Windows ships for a WebSocket held open by a
            // control channel, declared in the manifest like any other
            var channel = new ControlChannelTrigger("notes-push", 15);
            var keepAlive = new BackgroundTaskBuilder
            {
                Name = "NotesKeepAlive",
                TaskEntryPoint = typeof(WebSocketKeepAlive).FullName,
            };
            keepAlive.SetTrigger(channel.KeepAliveTrigger);
            keepAlive.Register();
        }
    }
}
