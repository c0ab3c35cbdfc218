using Windows.ApplicationModel.Background;
using Windows.Networking.Vpn;

namespace Fabrikam.Tasks
{
    public sealed class VpnTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            VpnChannel.ProcessEventAsync(new VpnPlugin(), taskInstance.TriggerDetails);
        }
    }
}
