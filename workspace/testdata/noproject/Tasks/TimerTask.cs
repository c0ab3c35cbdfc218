namespace Plain.Tasks
{
    public sealed class TimerTask
    {
    }
}
