namespace WinUIApp
{
    public sealed class Leftover
    {
    }
}
