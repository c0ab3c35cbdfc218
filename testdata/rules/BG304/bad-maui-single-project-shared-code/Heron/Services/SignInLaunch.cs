#if WINDOWS
using Windows.ApplicationModel;

namespace Heron.Services;

public static class SignInLaunch
{
    public static async Task<bool> EnableAsync()
    {
        StartupTask task = await StartupTask.GetAsync("HeronAtSignIn");
        StartupTaskState state = await task.RequestEnableAsync();
        return state == StartupTaskState.Enabled;
    }
}
#endif
