namespace Yarn
{
    sealed partial class App
    {
    }
}
