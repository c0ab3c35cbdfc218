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

            // one builder for both tasks: each Register() takes the builder as it is then
            var builder = new BackgroundTaskBuilder();
            builder.Name = "NotesSync";
            builder.TaskEntryPoint = "Fabrikam.Tasks.SyncTask";
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();

            builder.Name = "NotesNetwork";
            builder.TaskEntryPoint = "Fabrikam.Tasks.NetworkTask";
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.NetworkStateChange, false));
            builder.Register();
        }
    }
}
