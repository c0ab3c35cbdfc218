namespace Northwind.Common
{
    public static class Formatting
    {
        public static string Shorten(string text, int max)
        {
            return text == null || text.Length <= max ? text : text.Substring(0, max);
        }
    }
}
