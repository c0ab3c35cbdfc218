using System;
using System.Runtime.InteropServices;
using System.Linq;
using System.Threading;

namespace Contoso.Sync
{
    public static class Program
    {
        [DllImport("ole32.dll")]
        private static extern int CoRegisterClassObject(ref Guid rclsid, [MarshalAs(UnmanagedType.IUnknown)] object pUnk, uint dwClsContext, uint flags, out uint lpdwRegister);

        private const uint CLSCTX_LOCAL_SERVER = 4;
        private const uint REGCLS_MULTIPLEUSE = 1;

        [STAThread]
        public static void Main(string[] args)
        {
            if (args.Contains("-RegisterForBGTaskServer"))
            {
                Guid clsid = typeof(SyncTask).GUID;
                CoRegisterClassObject(ref clsid, new SyncTaskFactory(), CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, out uint cookie);
                SyncState.WaitForExit();
                return;
            }
            TaskSetup.Register();
        }
    }
}
