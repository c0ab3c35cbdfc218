using System;
using Contoso.Config;
using Contoso.Tasks;
using Windows.ApplicationModel.Background;
using Aliased = Contoso.Tasks.AliasTask;

namespace Contoso.App
{
    internal static class Registrar
    {
        private const int Minutes = 3 * 5;

        public static void RegisterAll()
        {
            var sync = new BackgroundTaskBuilder();
            sync.Name = TaskNames.CleanupName;
            sync.TaskEntryPoint = TaskNames.SyncTask;
            sync.SetTrigger(new TimeTrigger(Minutes, oneShot: false));
            sync.Register();

            var cleanup = new BackgroundTaskBuilder();
            cleanup.TaskEntryPoint = typeof(CleanupTask).FullName;
            cleanup.SetTrigger(new MaintenanceTrigger(freshnessTime: 60, oneShot: true));
            cleanup.Register();

            var alias = new BackgroundTaskBuilder();
            alias.TaskEntryPoint = typeof(Aliased).ToString();
            alias.SetTrigger(new ApplicationTrigger());
            alias.Register();

            var deep = new BackgroundTaskBuilder();
            deep.TaskEntryPoint = TaskNames.Nested.Deep;
            deep.SetTrigger(new ApplicationTrigger());
            deep.Register();

            RegisterType(typeof(SyncTask), new SystemTrigger(SystemTriggerType.ServicingComplete, false));
        }

        static void RegisterType(Type taskType, IBackgroundTrigger trigger)
        {
            var builder = new BackgroundTaskBuilder();
            builder.Name = taskType.Name;
            builder.TaskEntryPoint = taskType.FullName;
            builder.SetTrigger(trigger);
            builder.Register();
        }
    }
}
