namespace Root
{
    public sealed class App
    {
    }
}
