namespace Tasks.Model
{
    // Read by the app to show when the last sync ran. The modifiers that
    // make it a valid Windows Runtime class are in SyncOptions.Sealed.cs.
    public partial class SyncOptions
    {
        public string LastSyncKey => "LastSync";
    }
}
