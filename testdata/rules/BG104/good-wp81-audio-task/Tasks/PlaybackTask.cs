using Windows.ApplicationModel.Background;
using Windows.Media.Playback;

namespace Northwind.Radio.Tasks
{
    public sealed class PlaybackTask : IBackgroundTask
    {
        private BackgroundTaskDeferral deferral;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            deferral = taskInstance.GetDeferral();
            taskInstance.Canceled += (s, reason) => deferral.Complete();
            BackgroundMediaPlayer.MessageReceivedFromForeground += (s, e) => BackgroundMediaPlayer.Current.Play();
        }
    }
}
