using System;
using System.Linq;
using Windows.ApplicationModel.Background;

namespace Contoso.Sync
{
    internal static class TaskSetup
    {
        public static void Register()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "ContosoSync"))
            {
                return;
            }
            var builder = new Microsoft.Windows.ApplicationModel.Background.BackgroundTaskBuilder
            {
                Name = "ContosoSync",
            };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.SetTaskEntryPointClsid(typeof(SyncTask).GUID);
            builder.Register();

            // the same builder again, for a second task: each finding points at its own Register()
            builder.Name = "ContosoSyncOnLogin";
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.SessionConnected, false));
            builder.Register();
        }
    }
}
