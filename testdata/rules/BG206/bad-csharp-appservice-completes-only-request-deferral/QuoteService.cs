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
            details.AppServiceConnection.RequestReceived += OnQuoteRequested;
        }

        private async void OnQuoteRequested(AppServiceConnection sender, AppServiceRequestReceivedEventArgs args)
        {
            // the request's own deferral: completing it answers this
            // request and leaves the service's deferral taken
            AppServiceDeferral messageDeferral = args.GetDeferral();
            var symbol = (string)args.Request.Message["symbol"];
            await args.Request.SendResponseAsync(new ValueSet { { "price", symbol.Length * 1.5 } });
            messageDeferral.Complete();
        }
    }
}
