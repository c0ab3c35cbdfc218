namespace Conditioned
{
    sealed partial class App
    {
    }
}
