namespace Binary
{
    sealed partial class App
    {
    }
}
