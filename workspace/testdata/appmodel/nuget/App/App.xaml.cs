namespace NuGet
{
    sealed partial class App
    {
    }
}
