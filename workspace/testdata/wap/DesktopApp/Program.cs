namespace Desktop
{
    public sealed class Program
    {
    }
}
