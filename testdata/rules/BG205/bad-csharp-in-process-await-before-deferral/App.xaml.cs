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

        // The in-process task ends when this override returns, which is at
        // the first await: the deferral below comes too late.
        protected override async void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            base.OnBackgroundActivated(args);
            var name = args.TaskInstance.Task.Name;
            await RefreshNotesAsync(name);
            var deferral = args.TaskInstance.GetDeferral();
            deferral.Complete();
        }

        private static async Task RefreshNotesAsync(string reason)
        {
            await Task.Delay(500);
            Windows.Storage.ApplicationData.Current.LocalSettings.Values["LastRefresh"] = reason;
        }
    }
}
