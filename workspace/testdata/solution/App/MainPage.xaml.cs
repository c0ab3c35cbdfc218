namespace Sample
{
    public sealed class MainPage
    {
    }
}
