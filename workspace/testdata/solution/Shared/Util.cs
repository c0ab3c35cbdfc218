namespace Sample
{
    public sealed class Util
    {
    }
}
