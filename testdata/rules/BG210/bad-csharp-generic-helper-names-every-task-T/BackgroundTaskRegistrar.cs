using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static async Task RegisterAllAsync()
        {
            await Register<Tasks.SyncTask>(new TimeTrigger(15, false));
            await Register<Tasks.UploadTask>(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
        }

        // nameof(T) of a type parameter is the literal "T": both tasks are
        // registered as "T", and the second call unregisters the first.
        private static async Task Register<T>(IBackgroundTrigger trigger) where T : class, IBackgroundTask
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            BackgroundTaskRegistration.AllTasks.Values.FirstOrDefault(t => t.Name == nameof(T))?.Unregister(true);
            var builder = new BackgroundTaskBuilder
            {
                Name = nameof(T),
                TaskEntryPoint = typeof(T).FullName
            };
            builder.SetTrigger(trigger);
            builder.Register();
        }
    }
}
