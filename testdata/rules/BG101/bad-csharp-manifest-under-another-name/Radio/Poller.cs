using System.Linq;
using Windows.ApplicationModel.Background;

namespace Radio
{
    public class Poller
    {
        public async void Start()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            if (BackgroundTaskRegistration.AllTasks.Any(t => t.Value.Name == "Poll")) return;
            var b = new BackgroundTaskBuilder { Name = "Poll", TaskEntryPoint = "Radio.Tasks.FetchTask" };
            b.SetTrigger(new TimeTrigger(30, false));
            b.Register();
        }
    }
}
