namespace WinUIApp.Tasks
{
    public sealed class TimerTask
    {
    }
}
