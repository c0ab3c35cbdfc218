using System;
using Windows.ApplicationModel.Background;

namespace Clock
{
    public class Scheduler
    {
        public async void Enable()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var r in BackgroundTaskRegistration.AllTasks)
                if (r.Value.Name == "Chime") r.Value.Unregister(true);
            var b = new BackgroundTaskBuilder();
            b.Name = "Chime";
            b.TaskEntryPoint = "Clock.Tasks.ChimeTask";
            b.SetTrigger(new TimeTrigger(30, false));
            b.Register();
        }
    }
}
