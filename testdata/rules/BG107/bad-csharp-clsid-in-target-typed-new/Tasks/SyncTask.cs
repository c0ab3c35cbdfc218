using System;
using System.Runtime.InteropServices;
using Windows.ApplicationModel.Background;
using Windows.Storage;

namespace Fabrikam.Tasks
{
    [ComVisible(true)]
    [Guid("6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5")]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            ApplicationData.Current.LocalSettings.Values["SyncTask.LastRun"] = DateTimeOffset.Now.ToString("o");
        }
    }
}
