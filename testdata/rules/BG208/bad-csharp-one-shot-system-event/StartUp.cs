using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoUpdater
{
    public static class StartUp
    {
        // Runs at every launch: one more copy each time, and every copy
        // fires when the next update is installed.
        public static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser ||
                status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            var builder = new BackgroundTaskBuilder { Name = "Updated", TaskEntryPoint = "Tasks.UpdatedTask" };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.ServicingComplete, true));
            builder.Register();
        }
    }
}
