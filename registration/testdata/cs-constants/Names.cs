namespace Contoso.Config;

public static class TaskNames
{
    public const string Prefix = "Contoso.Tasks.";
    public const string SyncTask = Prefix + "SyncTask";
    public static readonly string CleanupName = nameof(CleanupName);

    public static class Nested
    {
        public const string Deep = "Contoso.Tasks.DeepTask";
    }
}
