namespace Sample.Lib.Text
{
    public sealed class Format
    {
    }
}
