using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes
{
    internal sealed class BackgroundTaskConfig
    {
        private BackgroundTaskBuilder _builder;

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

            var config = new BackgroundTaskConfig();
            config.Prepare();
            config.Schedule();
            config.Commit();
        }

        private void Prepare()
        {
            _builder = new BackgroundTaskBuilder { Name = "NotesSync" };
        }

        private void Schedule()
        {
            _builder.TaskEntryPoint = "Fabrikam.Tasks.SyncTasks";
            _builder.SetTrigger(new TimeTrigger(30, false));
        }

        private void Commit()
        {
            _builder.Register();
        }
    }
}
