using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes
{
    internal static class BackgroundTaskConfig
    {
        // A scheduler from a library registers what it is given: builders
        // that leave their method are not dead code, whoever registers them.
        private static readonly List<BackgroundTaskBuilder> pending = new List<BackgroundTaskBuilder>();

        public static async Task RegisterAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }

            var sync = new BackgroundTaskBuilder { Name = "NotesSync", TaskEntryPoint = "Fabrikam.Tasks.SyncTask" };
            sync.SetTrigger(new TimeTrigger(30, false));
            pending.Add(sync);

            var cleanup = CreateCleanup();
            Fabrikam.Scheduling.TaskScheduler.Enqueue(cleanup);
            foreach (var b in pending)
            {
                Fabrikam.Scheduling.TaskScheduler.Enqueue(b);
            }
        }

        private static BackgroundTaskBuilder CreateCleanup()
        {
            var builder = new BackgroundTaskBuilder();
            builder.Name = "NotesCleanup";
            builder.TaskEntryPoint = "Fabrikam.Tasks.CleanupTask";
            builder.SetTrigger(new MaintenanceTrigger(60 * 24, false));
            return builder;
        }
    }
}
