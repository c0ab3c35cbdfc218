using System.Threading.Tasks;
using Windows.ApplicationModel.Activation;

namespace Fabrikam.Notes.Services
{
    internal static class ActivationService
    {
        public static async Task ActivateAsync(object activationArgs)
        {
            if (activationArgs is BackgroundActivatedEventArgs background)
            {
                await BackgroundWork.RunAsync(background.TaskInstance);
            }
        }
    }
}
