namespace Root.Tasks
{
    public sealed class TimerTask
    {
    }
}
