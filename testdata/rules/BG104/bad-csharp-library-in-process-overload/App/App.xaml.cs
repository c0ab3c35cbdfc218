using Northwind.Common;
using Windows.ApplicationModel.Activation;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml;

namespace Northwind.Reader
{
    sealed partial class App : Application
    {
        protected override async void OnLaunched(LaunchActivatedEventArgs e)
        {
            var access = await BackgroundExecutionManager.RequestAccessAsync();
            if (access == BackgroundAccessStatus.DeniedByUser)
            {
                return;
            }
            JobScheduler.Schedule("refresh", "Northwind.Jobs.Refresh", new TimeTrigger(30, false));
            // the in-process overload passes string.Empty, which the library
            // never assigns to TaskEntryPoint
            JobScheduler.Schedule("badge", new TimeTrigger(60, false));
        }

        protected override void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            base.OnBackgroundActivated(args);
        }
    }
}
