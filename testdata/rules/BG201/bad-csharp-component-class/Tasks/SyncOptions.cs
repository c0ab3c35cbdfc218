namespace Tasks
{
    // Exposed to the app so that it can show the last sync time.
    public class SyncOptions
    {
        public string LastSyncKey => "LastSync";
    }
}
