using Windows.ApplicationModel.Background;

namespace Fields
{
    // Instance fields initialised once and never assigned again count as
    // constants; each page has its own "trigger" field.
    public sealed partial class WatcherPage
    {
        private readonly string taskEntryPoint = "Tasks.WatcherTask";
        private string taskName = "Watcher";
        private string changing = "Tasks.Before";
        private BluetoothLEAdvertisementWatcherTrigger trigger;

        public WatcherPage()
        {
            trigger = new BluetoothLEAdvertisementWatcherTrigger();
        }

        void Register()
        {
            changing = "Tasks.After";
            var builder = new BackgroundTaskBuilder();
            builder.TaskEntryPoint = taskEntryPoint;
            builder.Name = taskName;
            builder.SetTrigger(trigger);
            builder.Register();

            var other = new BackgroundTaskBuilder();
            other.TaskEntryPoint = changing;
            other.SetTrigger(trigger);
            other.Register();
        }
    }
}
