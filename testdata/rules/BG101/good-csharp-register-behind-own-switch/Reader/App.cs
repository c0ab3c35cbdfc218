using System.Linq;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml;

namespace Reader
{
    sealed partial class App : Application
    {
        const string WnsName = "wns-feed";

        public static async void EnableWnsFeed()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == WnsName))
                return;
            await BackgroundExecutionManager.RequestAccessAsync();
            var builder = new BackgroundTaskBuilder
            {
                Name = WnsName,
                TaskEntryPoint = typeof(Reader.Tasks.WnsTask).FullName,
            };
            builder.SetTrigger(new PushNotificationTrigger());
            builder.Register();
        }
    }
}
