using System;
using System.Runtime.InteropServices;
using Microsoft.Windows.ApplicationModel.Background;
using Windows.ApplicationModel.Background;
using WinAppSdk = Microsoft.Windows.ApplicationModel.Background;

namespace ComTasks
{
    [ComVisible(true)]
    [Guid("1F3A5C7E-9B2D-4E6F-8A1C-3E5F7A9B1D2C")]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class ComTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    static class Registrar
    {
        static readonly Guid OtherClsid = new Guid("{a1b2c3d4-e5f6-4711-8899-aabbccddeeff}");

        public static void RegisterAll()
        {
            var com = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
            com.SetTaskEntryPointClsid(typeof(ComTask).GUID);
            com.SetTrigger(new TimeTrigger(15, false));
            com.Register();

            var other = new Windows.ApplicationModel.Background.BackgroundTaskBuilder();
            other.SetTaskEntryPointClsid(OtherClsid);
            other.SetTrigger(new SystemTrigger(SystemTriggerType.TimeZoneChange, false));
            other.Register();

            var sdk = new WinAppSdk.BackgroundTaskBuilder();
            sdk.SetTaskEntryPointClsid(Guid.Parse("C0FFEE00-1111-2222-3333-444455556666"));
            sdk.SetTrigger(new TimeTrigger(15, false));
            sdk.Register("SdkTask");
        }
    }
}
