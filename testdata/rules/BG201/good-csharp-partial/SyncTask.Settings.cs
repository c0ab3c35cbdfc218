namespace Tasks
{
    partial class SyncTask
    {
        private const string LastSyncKey = "LastSync";
    }
}
