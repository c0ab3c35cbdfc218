using Windows.UI.Xaml.Controls;
using Windows.UI.Xaml.Navigation;

namespace Litware.Tides
{
    public sealed partial class MainPage : Page
    {
        public MainPage()
        {
            InitializeComponent();
        }

        protected override void OnNavigatedTo(NavigationEventArgs e)
        {
            // TaskScheduler.ScheduleAlerts();
        }
    }
}
