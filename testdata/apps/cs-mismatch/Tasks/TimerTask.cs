using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Tasks
{
    /// <summary>Records the time each time the timer fires.</summary>
    public sealed class TimerTask : IBackgroundTask
    {
        private BackgroundTaskDeferral _deferral;

        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            // Take the deferral before the first await, or the host may end
            // the process while the write is still in flight.
            _deferral = taskInstance.GetDeferral();
            try
            {
                await WriteTimestampAsync();
            }
            finally
            {
                _deferral.Complete();
            }
        }

        private static async Task WriteTimestampAsync()
        {
            var settings = ApplicationData.Current.LocalSettings;
            settings.Values["LastTimerRun"] = DateTimeOffset.Now.ToString("o");
            await Task.CompletedTask;
        }
    }
}
