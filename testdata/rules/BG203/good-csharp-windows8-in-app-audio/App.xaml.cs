using Windows.UI.Xaml;

namespace FabrikamWeather
{
    // Windows 8.1 background audio: the app plays in its own process, and
    // the audio declaration names the app itself.
    sealed partial class App : Application
    {
        public App()
        {
            InitializeComponent();
        }
    }
}
