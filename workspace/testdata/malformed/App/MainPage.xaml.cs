namespace Broken
{
    public sealed class MainPage
    {
    }
}
