namespace Tasks
{
    // Internal helpers may be unsealed: only public classes are exported.
    internal class SyncClient
    {
        internal virtual void Upload() { }
    }
}
