namespace Plain
{
    public sealed class MainPage
    {
    }
}
