namespace Sample
{
    public sealed class App
    {
    }
}
