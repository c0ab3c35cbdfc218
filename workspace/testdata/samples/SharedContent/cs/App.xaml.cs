namespace SDKTemplate { sealed partial class App { } }
