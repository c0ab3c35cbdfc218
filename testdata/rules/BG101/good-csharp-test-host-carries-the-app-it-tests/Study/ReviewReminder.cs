using Windows.ApplicationModel.Background;
namespace Study
{
    public static class ReviewReminder
    {
        public static async void Register()
        {
            await BackgroundExecutionManager.RequestAccessAsync();
            foreach (var t in BackgroundTaskRegistration.AllTasks) if (t.Value.Name == "review") return;
            var b = new BackgroundTaskBuilder { Name = "review", TaskEntryPoint = "Tasks.ReviewTask" };
            b.SetTrigger(new TimeTrigger(60, false));
            b.Register();
        }
    }
}
