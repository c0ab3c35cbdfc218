namespace SDKTemplate { public sealed partial class Scenario1 { } }
