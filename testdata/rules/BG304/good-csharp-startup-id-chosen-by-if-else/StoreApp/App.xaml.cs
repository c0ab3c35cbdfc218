namespace Clipper
{
    sealed partial class App : Windows.UI.Xaml.Application
    {
    }
}
