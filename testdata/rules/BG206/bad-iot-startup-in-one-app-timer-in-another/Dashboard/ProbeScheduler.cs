using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Dashboard
{
    public static class ProbeScheduler
    {
        public static async Task ScheduleAsync()
        {
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == "ProbeSample")
                {
                    return;
                }
            }
            var builder = new BackgroundTaskBuilder { Name = "ProbeSample", TaskEntryPoint = "Probe.ProbeLoop" };
            builder.SetTrigger(new TimeTrigger(15, false));
            builder.Register();
        }
    }
}
