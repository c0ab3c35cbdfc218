using System.Threading.Tasks;

namespace Lantern.Platforms
{
    static class LaunchAtSignIn
    {
        // a login item elsewhere: no package, no startup task
        public static Task TurnOnAsync() => Task.CompletedTask;
    }
}
