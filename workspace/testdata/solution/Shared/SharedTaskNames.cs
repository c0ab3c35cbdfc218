namespace Sample
{
    public sealed class SharedTaskNames
    {
    }
}
