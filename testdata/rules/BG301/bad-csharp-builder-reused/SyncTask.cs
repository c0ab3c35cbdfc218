using System;
using System.Runtime.InteropServices;
using Windows.ApplicationModel.Background;

namespace Contoso.Sync
{
    [ComVisible(true)]
    [Guid("3f9a1c2e-7b4d-4e8a-9c61-2d5e8f0a1b7c")]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class SyncTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance)
        {
            SyncState.Touch();
        }
    }
}
