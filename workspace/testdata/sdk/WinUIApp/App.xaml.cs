namespace WinUIApp
{
    public sealed class App
    {
    }
}
