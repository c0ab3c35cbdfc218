using Windows.ApplicationModel.Activation;
using Windows.UI.Xaml;

namespace Litware.Planner
{
    sealed partial class App : Application
    {
        protected override async void OnLaunched(LaunchActivatedEventArgs e)
        {
            await JobSetup.ScheduleAsync(e.PreviousExecutionState == ApplicationExecutionState.NotRunning);
        }
    }
}
