using Microsoft.Toolkit.Uwp.Helpers;
using Windows.ApplicationModel.Background;

namespace ContosoSync
{
    public static class BackgroundTaskRegistrar
    {
        public static void RegisterTasks()
        {
            // the toolkit looks the task up itself, but never asks for background access
            BackgroundTaskHelper.Register(typeof(Tasks.SyncTask), new TimeTrigger(15, false));
        }
    }
}
