using System.Threading.Tasks;
using Windows.ApplicationModel.Activation;
using Windows.UI.Xaml;

namespace Fabrikam.Notes
{
    sealed partial class App : Application
    {
        public App()
        {
            InitializeComponent();
        }

        protected override async void OnLaunched(LaunchActivatedEventArgs e)
        {
            await BackgroundTaskConfig.RegisterAsync();
        }

        // The Template Studio shape: the arguments go to a service that
        // takes the deferral where the task runs, out of this file's sight.
        protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            await Services.ActivationService.ActivateAsync(args);
        }

        private static async Task RefreshNotesAsync(string reason)
        {
            await Task.Delay(500);
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["LastRefresh"] = reason;
        }
    }
}
