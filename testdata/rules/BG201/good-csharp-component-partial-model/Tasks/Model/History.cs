namespace Tasks.Model
{
    public sealed class History
    {
        public string Key => "History";
    }

    internal class HistoryCache
    {
    }
}
