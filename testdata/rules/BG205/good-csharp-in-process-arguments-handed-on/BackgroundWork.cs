using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace Fabrikam.Notes.Services
{
    internal static class BackgroundWork
    {
        public static async Task RunAsync(IBackgroundTaskInstance taskInstance)
        {
            var deferral = taskInstance.GetDeferral();
            try
            {
                await Task.Delay(500);
            }
            finally
            {
                deferral.Complete();
            }
        }
    }
}
