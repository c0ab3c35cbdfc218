// A packaged desktop app (runFullTrust) registering through the UWP builder:
// such apps were seen to register a type their manifest does not declare
// without an exception, so BG102 does not claim Register() throws.
using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

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

            var builder = new BackgroundTaskBuilder
            {
                Name = "NotesSync",
                TaskEntryPoint = "Fabrikam.Tasks.SyncTask",
            };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }
    }
}
