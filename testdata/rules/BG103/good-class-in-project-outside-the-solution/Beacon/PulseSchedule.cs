using Windows.ApplicationModel.Background;

namespace Beacon
{
    internal static class PulseSchedule
    {
        public static async void EnsureRegistered()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var registration in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registration.Name == "pulse")
                {
                    return;
                }
            }
            var builder = new BackgroundTaskBuilder { Name = "pulse", TaskEntryPoint = "Beacon.Jobs.PulseJob" };
            builder.SetTrigger(new TimeTrigger(60, false));
            builder.Register();
        }
    }
}
