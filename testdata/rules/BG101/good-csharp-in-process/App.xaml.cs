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

        protected override void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            base.OnBackgroundActivated(args);
            var deferral = args.TaskInstance.GetDeferral();
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["LastRefresh"] = System.DateTimeOffset.Now.ToString("o");
            deferral.Complete();
        }
    }
}
