using System.Linq;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml.Controls;

namespace Fabrikam.Notes
{
    public sealed partial class MainPage : Page
    {
        public MainPage()
        {
            InitializeComponent();
            RegisterSync();
        }

        private async void RegisterSync()
        {
            if (BackgroundTaskRegistration.AllTasks.Values.Any(t => t.Name == "NotesSync"))
            {
                return;
            }
            var status = await BackgroundExecutionManager.RequestAccessAsync();
            if (status == BackgroundAccessStatus.DeniedByUser || status == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
            var builder = new BackgroundTaskBuilder { Name = "NotesSync", TaskEntryPoint = "Fabrikam.Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }

        // Left over from an earlier version: nothing calls it, neither code
        // nor MainPage.xaml, so its undeclared entry point never reaches
        // Register().
        private void RegisterSmsTask()
        {
            var builder = new BackgroundTaskBuilder { Name = "Sms", TaskEntryPoint = "Fabrikam.Tasks.SmsTask" };
            builder.SetTrigger(new SystemTrigger(SystemTriggerType.SmsReceived, false));
            builder.Register();
        }
    }
}
