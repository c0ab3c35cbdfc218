namespace Odd
{
    public partial class App
    {
    }
}
