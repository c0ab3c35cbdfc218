namespace Links
{
    sealed partial class App
    {
        void Register()
        {
            var builder = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
            builder.TaskEntryPoint = "Links.Tasks.TimerTask";
        }
    }
}
