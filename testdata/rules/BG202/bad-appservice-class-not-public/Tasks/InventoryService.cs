using Windows.ApplicationModel.AppService;
using Windows.ApplicationModel.Background;

namespace Tasks
{
    sealed class InventoryService : IBackgroundTask
    {
        private BackgroundTaskDeferral deferral;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            deferral = taskInstance.GetDeferral();
            taskInstance.Canceled += (s, r) => deferral?.Complete();
            var details = (AppServiceTriggerDetails)taskInstance.TriggerDetails;
            details.AppServiceConnection.RequestReceived += async (c, args) =>
            {
                var d = args.GetDeferral();
                await args.Request.SendResponseAsync(new Windows.Foundation.Collections.ValueSet());
                d.Complete();
            };
        }
    }
}
