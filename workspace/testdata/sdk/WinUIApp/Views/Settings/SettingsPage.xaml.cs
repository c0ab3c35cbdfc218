namespace WinUIApp.Views
{
    public sealed class SettingsPage
    {
    }
}
