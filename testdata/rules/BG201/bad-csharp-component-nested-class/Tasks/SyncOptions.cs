namespace Tasks
{
    public sealed class SyncOptions
    {
        // public in a public class: exported, so it must be sealed
        public class Keys
        {
            public const string LastSync = "LastSync";
        }
    }
}
