using System;
using Tasks;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml;
using Windows.UI.Xaml.Controls;

namespace CsBasic
{
    public sealed partial class MainPage : Page
    {
        public MainPage()
        {
            this.InitializeComponent();
        }

        private async void RegisterTimer_Click(object sender, RoutedEventArgs e)
        {
            var trigger = new TimeTrigger(BackgroundTaskConfig.TimerFreshnessMinutes, false);
            await BackgroundTaskConfig.RegisterBackgroundTask(
                BackgroundTaskConfig.TimerTaskEntryPoint,
                BackgroundTaskConfig.TimerTaskName,
                trigger,
                new SystemCondition(SystemConditionType.InternetAvailable));
        }

        private async void RegisterSystemEvent_Click(object sender, RoutedEventArgs e)
        {
            await BackgroundTaskConfig.RegisterBackgroundTask(
                typeof(SystemEventTask).FullName,
                BackgroundTaskConfig.SystemEventTaskName,
                new SystemTrigger(SystemTriggerType.TimeZoneChange, false),
                condition: null);
        }
    }
}
