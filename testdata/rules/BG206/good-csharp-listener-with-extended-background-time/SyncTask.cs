using Windows.ApplicationModel.Background;
using Windows.Networking.Sockets;

namespace Tasks
{
    // A sideloaded listener: it keeps the deferral for as long as the
    // device lets it run, which extendedBackgroundTaskTime leaves unlimited.
    public sealed class SyncTask : IBackgroundTask
    {
        private BackgroundTaskDeferral _deferral;
        private StreamSocketListener _listener;

        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            _deferral = taskInstance.GetDeferral();
            _listener = new StreamSocketListener();
            _listener.ConnectionReceived += (s, e) => { /* serve the request */ };
            await _listener.BindServiceNameAsync("8080");
        }
    }
}
