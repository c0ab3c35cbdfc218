using System.Linq;
using Windows.ApplicationModel.Background;

namespace Sketchbook
{
    static class Scheduler
    {
        const string TaskClass =
#if EXPERIMENT
            "SketchTasks.ExperimentalBackup";
#else
            "SketchTasks.Backup";
#endif

        public static async void EnsureRegistered()
        {
            var access = await BackgroundExecutionManager.RequestAccessAsync();
            if (access == BackgroundAccessStatus.DeniedByUser) return;
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "backup")) return;

            var builder = new BackgroundTaskBuilder { Name = "backup", TaskEntryPoint = TaskClass };
            builder.SetTrigger(new TimeTrigger(60, false));
            builder.Register();
        }
    }
}
