namespace Tasks
{
    // The access modifier is written on this part only.
    public sealed partial class SyncTask
    {
    }
}
