namespace WinUIApp
{
    public sealed class Prototype
    {
    }
}
