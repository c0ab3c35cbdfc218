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
            // four arguments fit every overload by count; only the first takes
            // a string and then a trigger
            JobScheduler.Schedule("refresh", "Northwind.Jobs.Refresh", new TimeTrigger(30, false),
                new SystemCondition(SystemConditionType.InternetAvailable));
        }
    }
}
