using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace News
{
    public static class TaskSetup
    {
        const string TaskName = "NewsDigest";

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
                TaskEntryPoint = "NewsTasks.DigestTask",
            };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            builder.Register();
            return true;
        }
    }
}
