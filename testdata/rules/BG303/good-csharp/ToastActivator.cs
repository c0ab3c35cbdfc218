using System;
using System.Runtime.InteropServices;

namespace Contoso.Sync
{
    [ComImport, Guid("53E31837-6600-4A81-9395-75CFFE746F94"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface INotificationActivationCallback
    {
        void Activate([MarshalAs(UnmanagedType.LPWStr)] string appUserModelId, [MarshalAs(UnmanagedType.LPWStr)] string invokedArgs, IntPtr data, uint count);
    }

    [ClassInterface(ClassInterfaceType.None), ComVisible(true), Guid("3f9a1c2e-7b4d-4e8a-9c61-2d5e8f0a1b7d")]
    public sealed class ToastActivator : INotificationActivationCallback
    {
        public void Activate(string appUserModelId, string invokedArgs, IntPtr data, uint count)
        {
            SyncState.Touch();
        }
    }
}
