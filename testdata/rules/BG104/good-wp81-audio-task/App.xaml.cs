using System;
using Windows.ApplicationModel.Activation;
using Windows.ApplicationModel.Background;
using Windows.Media.Playback;
using Windows.UI.Xaml;

namespace Northwind.Radio
{
    public sealed partial class App : Application
    {
        protected override async void OnLaunched(LaunchActivatedEventArgs e)
        {
            // the first use of the player starts PlaybackTask
            BackgroundMediaPlayer.Current.CurrentStateChanged += (s, a) => { };
            BackgroundMediaPlayer.SendMessageToBackground(new Windows.Foundation.Collections.ValueSet { { "play", "stream" } });

            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (task.Name == "schedule")
                {
                    return;
                }
            }
            var builder = new BackgroundTaskBuilder
            {
                Name = "schedule",
                TaskEntryPoint = "Northwind.Radio.Tasks.ScheduleTask",
            };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }
    }
}
