namespace WinUIApp
{
    public sealed class Generated
    {
    }
}
