using System.Threading;

namespace Contoso.Sync
{
    internal static class SyncState
    {
        private static readonly ManualResetEvent Done = new ManualResetEvent(false);

        public static void Touch() => Done.Set();

        public static void WaitForExit() => Done.WaitOne();
    }

    internal sealed class SyncTaskFactory
    {
    }
}
