namespace Sample.Lib
{
    public sealed class Old
    {
    }
}
