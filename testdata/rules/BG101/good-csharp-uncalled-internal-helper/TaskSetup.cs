using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes
{
    internal static class TaskSetup
    {
        internal static async Task RegisterSyncAsync()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "NotesSync"))
            {
                return;
            }
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            var builder = new BackgroundTaskBuilder { Name = "NotesSync", TaskEntryPoint = "Fabrikam.Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }

        // Its only call is commented out: the undeclared entry point never
        // reaches Register().
        internal static void RegisterSms()
        {
            var builder = new BackgroundTaskBuilder { Name = "Sms", TaskEntryPoint = "Fabrikam.Tasks.SmsTask" };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.SmsReceived, false));
            builder.Register();
        }
    }
}
