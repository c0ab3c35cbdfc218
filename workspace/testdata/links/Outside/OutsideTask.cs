namespace Links.Outside
{
    public sealed class OutsideTask
    {
    }
}
