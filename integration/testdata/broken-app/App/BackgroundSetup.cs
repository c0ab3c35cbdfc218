using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Contoso.TimeZoneWatcher
{
    internal static class BackgroundSetup
    {
        private const string TaskName = "TimeZoneWatcher";

        public static async Task RegisterAsync()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == TaskName))
            {
                return;
            }

            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            var builder = new BackgroundTaskBuilder
            {
                Name = TaskName,
                TaskEntryPoint = "Contoso.Tasks.TimeZoneTask",
            };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.TimeZoneChange, false));
            builder.Register();
        }
    }
}
