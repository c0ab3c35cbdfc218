using Windows.ApplicationModel.AppService;
using Windows.ApplicationModel.Background;
using Windows.Foundation.Collections;

namespace Tailspin.Services
{
    public sealed class QuoteService : IBackgroundTask
    {
        private BackgroundTaskDeferral _serviceDeferral;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            _serviceDeferral = taskInstance.GetDeferral();
            var details = (AppServiceTriggerDetails)taskInstance.TriggerDetails;
            details.AppServiceConnection.RequestReceived += async (sender, args) =>
            {
                var messageDeferral = args.GetDeferral();
                try
                {
                    var symbol = (string)args.Request.Message["symbol"];
                    await args.Request.SendResponseAsync(new ValueSet { { "price", symbol.Length * 1.5 } });
                }
                finally
                {
                    messageDeferral.Complete();
                    // one quote per connection: the service is done too
                    _serviceDeferral.Complete();
                }
            };
        }
    }
}
