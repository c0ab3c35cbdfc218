using Windows.ApplicationModel.Background;

namespace FabrikamWeather
{
    // A Windows 8.1 app: RequestAccessAsync asked for a place on the lock
    // screen, which only lock-screen triggers (time, push, control
    // channel, user presence) needed.
    public static class Registrar
    {
        public static void RegisterRefresh()
        {
            foreach (var t in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (t.Name == "Refresh") return;
            }
            var builder = new BackgroundTaskBuilder { Name = "Refresh", TaskEntryPoint = "Tasks.RefreshTask" };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }
    }
}
