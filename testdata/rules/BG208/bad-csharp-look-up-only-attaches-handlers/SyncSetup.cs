using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public class SyncSetup
    {
        // Called from the Settings page each time the user turns sync on.
        public async void EnableSync()
        {
            await BackgroundExecutionManager.RequestAccessAsync();

            // finds an earlier registration, only to follow its progress...
            foreach (var task in BackgroundTaskRegistration.AllTasks)
            {
                if (task.Value.Name == "ContosoSync")
                {
                    task.Value.Completed += OnSyncCompleted;
                }
            }

            // ...and registers another one all the same
            var builder = new BackgroundTaskBuilder { Name = "ContosoSync", TaskEntryPoint = "Tasks.SyncTask" };
            builder.SetTrigger(new TimeTrigger(30, false));
            var registration = builder.Register();
            registration.Completed += OnSyncCompleted;
        }

        private void OnSyncCompleted(BackgroundTaskRegistration sender, BackgroundTaskCompletedEventArgs args)
        {
        }
    }
}
