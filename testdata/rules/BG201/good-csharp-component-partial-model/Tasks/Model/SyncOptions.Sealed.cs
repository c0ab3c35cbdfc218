namespace Tasks.Model
{
    sealed partial class SyncOptions
    {
        public int RetryCount => 3;
    }
}
