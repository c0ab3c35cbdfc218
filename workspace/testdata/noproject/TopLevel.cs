namespace Plain
{
    public sealed class TopLevel
    {
    }
}
