using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace ContosoSync
{
    // One task, "Sync", run on a timer whose interval is a setting and when
    // the network comes back: a builder takes one trigger, so the task is
    // registered twice under its name. No look-up of the name decides
    // whether either is registered, so neither hides the other.
    public static class SyncScheduler
    {
        public static void OnLaunched()
        {
            var minutes = (uint)ApplicationData.Current.LocalSettings.Values["syncMinutes"];
            Add("Sync", new TimeTrigger(minutes, false));
            Add("Sync", new SystemTrigger(SystemTriggerType.InternetAvailable, false));
        }

        private static void Add(string name, IBackgroundTrigger trigger)
        {
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(trigger);
            builder.Register();
        }
    }
}
