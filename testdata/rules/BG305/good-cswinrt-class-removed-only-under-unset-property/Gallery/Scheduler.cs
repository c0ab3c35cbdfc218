using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Gallery
{
    static class Scheduler
    {
        public static async Task ScheduleAsync()
        {
            var access = await BackgroundExecutionManager.RequestAccessAsync();
            if (access == BackgroundAccessStatus.DeniedByUser)
            {
                return;
            }
            foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (task.Name == "ThumbnailRefresh")
                {
                    return;
                }
            }
            var builder = new BackgroundTaskBuilder { Name = "ThumbnailRefresh", TaskEntryPoint = "Gallery.Tasks.ThumbnailRefresh" };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }
    }
}
