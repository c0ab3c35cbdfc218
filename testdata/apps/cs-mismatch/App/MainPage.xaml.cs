using System;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml;
using Windows.UI.Xaml.Controls;

namespace CsMismatch
{
    public sealed partial class MainPage : Page
    {
        public MainPage()
        {
            this.InitializeComponent();
        }

        private async void RegisterTasks_Click(object sender, RoutedEventArgs e)
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
            {
                task.Unregister(true);
            }

            // The manifest declares Tasks.TimerTask for systemEvent only, so
            // Register() fails for this TimeTrigger.
            var timer = new BackgroundTaskBuilder();
            timer.Name = "TimerTask";
            timer.TaskEntryPoint = "Tasks.TimerTask";
            timer.SetTrigger(new TimeTrigger(15, false));
            timer.Register();

            // Typo in the entry point: activation fails with "Class not registered".
            var timeZone = new BackgroundTaskBuilder
            {
                Name = "TimeZoneChangedTask",
                TaskEntryPoint = "Tasks.SystemEvenTask",
            };
            timeZone.SetTrigger(new SystemTrigger(SystemTriggerType.TimeZoneChange, false));
            timeZone.Register();
        }
    }
}
