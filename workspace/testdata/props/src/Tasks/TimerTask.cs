namespace Props.Tasks { public sealed class TimerTask { } }
