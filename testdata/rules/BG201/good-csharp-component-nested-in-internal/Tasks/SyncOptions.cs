namespace Tasks
{
    // Internal to the component: not exported to its .winmd.
    internal sealed class SyncJournal
    {
        // Says public, but it is nested in an internal class, so it is
        // internal too and need not be sealed.
        public class Keys
        {
            public const string LastSync = "LastSync";
        }

        public sealed class Levels
        {
            // nested twice, still inside the internal class
            public class Verbose
            {
            }
        }
    }
}
