using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        // One task, run periodically and when the user logs on: a builder
        // takes one trigger, so it is registered twice under its name, in
        // one method, after one look-up.
        public static async Task RegisterAllAsync()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "SyncTask"))
            {
                return;
            }
            await BackgroundExecutionManager.RequestAccessAsync();
            var periodic = CreateTask("SyncTask");
            periodic.SetTrigger(new TimeTrigger(15, false));
            var atLogon = CreateTask("SyncTask");
            atLogon.SetTrigger(new SystemTrigger(SystemTriggerType.SessionConnected, false));
            periodic.Register();
            atLogon.Register();
        }

        private static BackgroundTaskBuilder CreateTask(string name)
        {
            return new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.SyncTask" };
        }
    }
}
