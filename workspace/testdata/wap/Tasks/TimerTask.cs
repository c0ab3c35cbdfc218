namespace Desktop.Tasks
{
    public sealed class TimerTask
    {
    }
}
