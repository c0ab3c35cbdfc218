namespace Tasks { public sealed class SampleBackgroundTask { } }
