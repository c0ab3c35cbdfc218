namespace Sketchbook
{
    sealed partial class App : Windows.UI.Xaml.Application
    {
    }
}
