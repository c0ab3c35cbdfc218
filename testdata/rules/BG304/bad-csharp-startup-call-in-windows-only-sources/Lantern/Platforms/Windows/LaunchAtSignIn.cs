using System.Threading.Tasks;
using Windows.ApplicationModel;

namespace Lantern.Platforms
{
    static class LaunchAtSignIn
    {
        public static async Task TurnOnAsync()
        {
            StartupTask startup = await StartupTask.GetAsync("LanternAtSignIn");
            await startup.RequestEnableAsync();
        }
    }
}
