using Windows.ApplicationModel.Activation;
using Windows.UI.Xaml;

namespace App
{
    sealed partial class App : Application
    {
        protected override void OnBackgroundActivated(BackgroundActivatedEventArgs args)
        {
            base.OnBackgroundActivated(args);
        }
    }
}
