using Windows.ApplicationModel.AppService;
using Windows.ApplicationModel.Background;
using Windows.Foundation.Collections;

namespace Tailspin.Services
{
    public sealed class QuoteService : IBackgroundTask
    {
        private BackgroundTaskDeferral _serviceDeferral;
        private AppServiceConnection _connection;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            _serviceDeferral = taskInstance.GetDeferral();
            taskInstance.Canceled += OnTaskCanceled;
            var details = (AppServiceTriggerDetails)taskInstance.TriggerDetails;
            _connection = details.AppServiceConnection;
            _connection.RequestReceived += OnQuoteRequested;
            _connection.ServiceClosed += OnServiceClosed;
        }

        private async void OnQuoteRequested(AppServiceConnection sender, AppServiceRequestReceivedEventArgs args)
        {
            var deferral = args.GetDeferral();
            var symbol = (string)args.Request.Message["symbol"];
            await args.Request.SendResponseAsync(new ValueSet { { "price", symbol.Length * 1.5 } });
            deferral.Complete();
        }

        private void OnServiceClosed(AppServiceConnection sender, AppServiceClosedEventArgs args)
        {
            _serviceDeferral?.Complete();
            _serviceDeferral = null;
        }

        private void OnTaskCanceled(IBackgroundTaskInstance sender, BackgroundTaskCancellationReason reason)
        {
            _serviceDeferral?.Complete();
            _serviceDeferral = null;
        }
    }
}
