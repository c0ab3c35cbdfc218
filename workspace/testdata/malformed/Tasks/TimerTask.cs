namespace Broken.Tasks
{
    public sealed class TimerTask
    {
    }
}
