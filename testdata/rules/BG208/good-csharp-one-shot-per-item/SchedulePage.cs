using Windows.UI.Xaml;
using Windows.UI.Xaml.Controls;

namespace ContosoRecorder
{
    public sealed partial class SchedulePage : Page
    {
        // Each click schedules one more recording.
        private async void OnRecordClick(object sender, RoutedEventArgs e)
        {
            await RecordingScheduler.ScheduleAsync(System.Guid.NewGuid().ToString(), 120);
        }
    }
}
