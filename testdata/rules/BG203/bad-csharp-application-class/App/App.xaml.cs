using Windows.ApplicationModel.Activation;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml;

namespace ContosoSync
{
    sealed partial class App : Application
    {
        public App()
        {
            InitializeComponent();
        }

        protected override void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            base.OnBackgroundActivated(args);
            var deferral = args.TaskInstance.GetDeferral();
            try
            {
                Windows.Storage.ApplicationData.Current.LocalSettings.Values["LastSync"] = "done";
            }
            finally
            {
                deferral.Complete();
            }
        }
    }
}
