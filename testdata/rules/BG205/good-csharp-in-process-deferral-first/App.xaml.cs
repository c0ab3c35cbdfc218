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

        // The deferral keeps the in-process task alive until the refresh
        // is done, however long the awaits take.
        protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            base.OnBackgroundActivated(args);
            var name = args.TaskInstance.Task.Name;
            var deferral = args.TaskInstance.GetDeferral();
            try
            {
                await RefreshNotesAsync(name);
            }
            finally
            {
                deferral.Complete();
            }
        }

        private static async Task RefreshNotesAsync(string reason)
        {
            await Task.Delay(500);
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["LastRefresh"] = reason;
        }
    }
}
