using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Litware.Tides
{
    // A base class that leaves the registrations to its subclass, and a
    // call of that hook that was commented out and never restored: the
    // override never runs, so the tide alert is never registered.
    public abstract class TaskManagerBase
    {
        protected abstract void Registrations();

        public async Task StartAsync()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            // TODO this.Registrations();
        }

        protected void RegisterTask(string entryPoint, string name, IBackgroundTrigger trigger)
        {
            foreach (var registered in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (registered.Name == name)
                {
                    registered.Unregister(true);
                }
            }
            var builder = new BackgroundTaskBuilder { Name = name, TaskEntryPoint = entryPoint };
            builder.SetTrigger(trigger);
            builder.Register();
        }
    }

    public sealed class TaskManager : TaskManagerBase
    {
        protected override void Registrations()
        {
            RegisterTask("Litware.Tides.Tasks.TideAlertTask", "TideAlert", new TimeTrigger(30, false));
        }
    }

    public static class Startup
    {
        public static Task RunAsync() => new TaskManager().StartAsync();
    }
}
