using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace ContosoSync
{
    // "Sync" is registered once on a timer whose interval is a setting, and
    // once on the network coming back: two kinds of trigger under one name,
    // whatever the interval turns out to be.
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
