namespace SDKTemplate
{
    public sealed class SuspensionManager
    {
    }
}
