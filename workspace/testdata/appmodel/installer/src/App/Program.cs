namespace Installer
{
    sealed partial class Program
    {
    }
}
