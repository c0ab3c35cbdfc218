namespace Quirks.Tasks { public sealed class TimerTask { } }
