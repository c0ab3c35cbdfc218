using System;
using System.Linq;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml.Controls;
using Windows.UI.Xaml.Navigation;
using Litware.Tides.Tasks;

namespace Litware.Tides
{
    public sealed partial class MainPage : Page
    {
        private const string AlertTaskName = "tide-alert";

        public MainPage()
        {
            InitializeComponent();
        }

        protected override async void OnNavigatedTo(NavigationEventArgs e)
        {
            await LoadTablesAsync();
            // the alerts moved to the shared scheduler package; the old
            // method below is kept for reference
            Litware.Scheduling.Scheduler.Ensure(AlertTaskName, typeof(TideAlertTask).FullName, 60);
        }

        private Task LoadTablesAsync() => Task.CompletedTask;

        private async Task ScheduleAlertsAsync()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == AlertTaskName))
            {
                return;
            }
            var access = await BackgroundExecutionManager.RequestAccessAsync();
            if (access == BackgroundAccessStatus.DeniedByUser)
            {
                return;
            }
            var builder = new BackgroundTaskBuilder
            {
                Name = AlertTaskName,
                TaskEntryPoint = typeof(TideAlertTask).FullName,
            };
            builder.SetTrigger(new TimeTrigger(60, false));
            builder.Register();
        }
    }
}
