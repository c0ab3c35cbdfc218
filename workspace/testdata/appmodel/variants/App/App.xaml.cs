namespace Variants
{
    sealed partial class App
    {
    }
}
