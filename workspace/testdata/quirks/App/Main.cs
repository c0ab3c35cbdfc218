namespace Quirks { public sealed class MainPage { } }
