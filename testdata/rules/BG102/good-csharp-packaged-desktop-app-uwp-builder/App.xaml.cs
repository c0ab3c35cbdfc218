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
    }
}
