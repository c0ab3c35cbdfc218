namespace Sample
{
    public sealed class NotCompiled
    {
    }
}
