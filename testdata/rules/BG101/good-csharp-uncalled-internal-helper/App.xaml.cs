using Windows.ApplicationModel.Activation;
using Windows.UI.Xaml;

namespace Fabrikam.Notes
{
    sealed partial class App : Application
    {
        protected override async void OnLaunched(LaunchActivatedEventArgs e)
        {
            await TaskSetup.RegisterSyncAsync();
            // the SMS reminder is on hold until the new message layout ships
            // TaskSetup.RegisterSms();
        }
    }
}
