using System;
using Windows.ApplicationModel.Background;

namespace Tasks
{
    // A one-shot task that schedules its next run: soon while the
    // morning's work is not done, tomorrow once it is. Reschedule drops the
    // old registration by name before it registers the next one, so there
    // is one "SyncTask" at a time whatever its interval.
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            if (DateTime.Now.Hour < 6)
            {
                Reschedule(15);
            }
            else
            {
                Reschedule(20 * 60);
            }
        }

        private static void Reschedule(uint minutes)
        {
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == "SyncTask")
                {
                    registered.Unregister(true);
                }
            }
            var builder = new BackgroundTaskBuilder { Name = "SyncTask", TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(new MaintenanceTrigger(minutes, true));
            builder.Register();
        }
    }
}
