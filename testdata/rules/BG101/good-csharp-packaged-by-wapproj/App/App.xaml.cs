using System;
using Windows.ApplicationModel.Activation;
using Windows.ApplicationModel.Background;
using Windows.UI.Xaml;

namespace Contoso.Radio
{
    sealed partial class App : Application
    {
        protected override async void OnLaunched(LaunchActivatedEventArgs e)
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var task in BackgroundTaskRegistration.AllTasks.Values)
            {
                if (task.Name == "sync")
                {
                    return;
                }
            }
            var builder = new BackgroundTaskBuilder { Name = "sync", TaskEntryPoint = "Contoso.Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(30, false));
            builder.Register();
        }
    }
}
