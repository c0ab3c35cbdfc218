namespace Other.Desktop
{
    sealed partial class SyncTask
    {
    }
}
