using Windows.ApplicationModel.Background;

namespace FabrikamWeather
{
    // A Windows Phone 8.1 app: unlike Windows 8.1, the phone needs
    // RequestAccessAsync before any registration, whatever the trigger.
    public static class Registrar
    {
        public static void RegisterRefresh()
        {
            foreach (var t in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (t.Name == "Refresh") return;
            }
            var builder = new BackgroundTaskBuilder { Name = "Refresh", TaskEntryPoint = "Tasks.RefreshTask" };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.InternetAvailable, false));
            builder.Register();
        }
    }
}
