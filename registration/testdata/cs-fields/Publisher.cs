using Windows.ApplicationModel.Background;

namespace Fields
{
    public sealed partial class PublisherPage
    {
        private BluetoothLEAdvertisementPublisherTrigger trigger;

        public PublisherPage()
        {
            trigger = new BluetoothLEAdvertisementPublisherTrigger();
        }

        void Register()
        {
            Config.RegisterBackgroundTask(null, "InProc", trigger);
        }
    }

    static class Config
    {
        public static BackgroundTaskRegistration RegisterBackgroundTask(string taskEntryPoint, string name, IBackgroundTrigger trigger)
        {
            var builder = new BackgroundTaskBuilder();
            builder.Name = name;
            if (taskEntryPoint != null)
            {
                // left unset, the task runs in-process (OnBackgroundActivated)
                builder.TaskEntryPoint = taskEntryPoint;
            }
            builder.SetTrigger(trigger);
            return builder.Register();
        }
    }
}
