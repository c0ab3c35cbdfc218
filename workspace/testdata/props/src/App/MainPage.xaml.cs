namespace Props { public sealed partial class MainPage { } }
