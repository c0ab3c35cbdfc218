namespace Sample
{
    public sealed class Constants
    {
    }
}
