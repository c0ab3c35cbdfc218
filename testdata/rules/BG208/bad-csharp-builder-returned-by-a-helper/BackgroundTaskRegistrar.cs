using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser ||
                status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            // The helper only builds; every run registers another copy.
            var builder = CreateBuilder("SyncTask", "Tasks.SyncTask", new TimeTrigger(15, false));
            builder.Register();
        }

        private static BackgroundTaskBuilder CreateBuilder(string name, string entryPoint, IBackgroundTrigger trigger)
        {
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
            builder.SetTrigger(trigger);
            return builder;
        }
    }
}
