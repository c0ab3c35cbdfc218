namespace WinUIApp
{
    public sealed class TaskIds
    {
    }
}
