using Northwind.Common;
using Windows.ApplicationModel.Activation;
using Windows.UI.Xaml;

namespace Northwind.Reader
{
    sealed partial class App : Application
    {
        // the app uses the shared library for text only; it schedules no task
        protected override void OnLaunched(LaunchActivatedEventArgs e)
        {
            Title = Formatting.Shorten(e.Arguments, 40);
        }

        internal static string Title { get; private set; }
    }
}
