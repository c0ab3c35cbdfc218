namespace Sample
{
    public sealed class XamlTypeInfo
    {
    }
}
