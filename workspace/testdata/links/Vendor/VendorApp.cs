namespace Links.Vendor
{
    sealed class VendorApp
    {
    }
}
