namespace Core
{
    public static class Settings
    {
        public const string LastRun = "LastRun";
    }
}
