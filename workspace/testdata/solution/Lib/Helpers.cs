namespace Sample.Lib
{
    public sealed class Helpers
    {
    }
}
