namespace Sample.Tasks
{
    public sealed class TimerTask
    {
    }
}
