namespace Other
{
    public sealed class OtherTask
    {
    }
}
