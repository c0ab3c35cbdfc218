using System.Linq;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace ContosoSync
{
    // The user picks how often the tile refreshes; a reset restores the
    // default. Both paths replace the one task called "TileRefresh": the
    // interval of the first is whatever the setting holds at run time, so
    // nothing says the two registrations differ.
    public static class TileScheduler
    {
        public static void OnIntervalChanged()
        {
            var minutes = (uint)ApplicationData.Current.LocalSettings.Values["interval"];
            Schedule("TileRefresh", minutes);
        }

        public static void OnReset()
        {
            Schedule("TileRefresh", 120);
        }

        private static async void Schedule(string name, uint minutes)
        {
            var existing = BackgroundTaskRegistration.AllTasks.Values.FirstOrDefault(t => t.Name == name);
            existing?.Unregister(true);
            await BackgroundExecutionManager.RequestAccessAsync();
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(minutes, false));
            builder.Register();
        }
    }
}
