namespace Tasks
{
    public sealed class SyncOptions
    {
        public string LastSyncKey => "LastSync";
    }
}
