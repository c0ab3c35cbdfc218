namespace Props { static class TaskNames { public const string Timer = "Props.Tasks.TimerTask"; } }
