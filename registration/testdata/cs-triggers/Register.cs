using Windows.ApplicationModel.Background;
using Windows.Devices.Enumeration;
using Windows.Networking.BackgroundTransfer;

namespace Triggers
{
    sealed class Registrar
    {
        private const uint Freshness = 45;
        private TimeTrigger _timer;
        private SystemTrigger _ambiguous;

        void Create()
        {
            _timer = new TimeTrigger(Freshness, true);
            _ambiguous = new SystemTrigger(SystemTriggerType.UserAway, false);
        }

        void CreateOther()
        {
            _ambiguous = new SystemTrigger(SystemTriggerType.UserPresent, false);
        }

        void Register(DeviceWatcher watcher)
        {
            var timer = new BackgroundTaskBuilder();
            timer.TaskEntryPoint = "Tasks.Timer";
            timer.SetTrigger(_timer);
            timer.Register();

            var ambiguous = new BackgroundTaskBuilder();
            ambiguous.TaskEntryPoint = "Tasks.Ambiguous";
            ambiguous.SetTrigger(_ambiguous);
            ambiguous.Register();

            var group = new BackgroundTransferCompletionGroup();
            var transfer = new BackgroundTaskBuilder();
            transfer.TaskEntryPoint = "Tasks.Transfer";
            transfer.SetTrigger(group.Trigger);
            transfer.Register();

            var devices = new BackgroundTaskBuilder();
            devices.TaskEntryPoint = "Tasks.Devices";
            devices.SetTrigger(watcher.GetBackgroundTrigger(new[] { DeviceWatcherEventKind.Add }));
            devices.Register();

            var local = new MaintenanceTrigger(10, false);
            var maintenance = new BackgroundTaskBuilder();
            maintenance.TaskEntryPoint = "Tasks.Maintenance";
            maintenance.SetTrigger(local);
            maintenance.AddCondition(new SystemCondition(SystemConditionType.FreeNetworkAvailable));
            maintenance.Register();

            var push = new BackgroundTaskBuilder();
            push.TaskEntryPoint = "Tasks.Push";
            push.SetTrigger(new PushNotificationTrigger());
            push.Register();
        }
    }
}
