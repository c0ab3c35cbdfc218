namespace Test.Tasks
{
    sealed partial class TimerTask
    {
    }
}
