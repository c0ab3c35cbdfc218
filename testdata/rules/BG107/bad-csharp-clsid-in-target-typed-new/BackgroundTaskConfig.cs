using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes
{
    internal static class TaskIds
    {
        // One digit off the manifest's com:Class Id (…A0E5).
        public static readonly Guid SyncTaskClsid = new("6D2A4F1E-0C9B-4A57-8E3D-91B2C7F4A0E6");
    }

    internal static class BackgroundTaskConfig
    {
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

            var builder = new BackgroundTaskBuilder { Name = "NotesSync" };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.SetTaskEntryPointClsid(TaskIds.SyncTaskClsid);
            builder.Register();
        }
    }
}
