namespace SDKTemplate { public sealed partial class MainPage { } }
