using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Weather
{
    public static class BackgroundTaskSetup
    {
        const string TaskName = "WeatherRefresh";

        public static async Task<bool> EnsureRegisteredAsync()
        {
            BackgroundAccessStatus access = await BackgroundExecutionManager.RequestAccessAsync();
            if (access == BackgroundAccessStatus.DeniedByUser || access == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return false;
            }

            foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (task.Name == TaskName)
                {
                    return true;
                }
            }

            var builder = new BackgroundTaskBuilder
            {
                Name = TaskName,
                TaskEntryPoint = "WeatherTasks.RefreshTask",
            };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
            return true;
        }
    }
}
