namespace Dashboard
{
    // Shows the probe's readings, and registers the same task class the
    // headless app starts at boot as an ordinary timer task (without
    // declaring it: BG101), which must complete its deferral.
    public sealed class ReadingView
    {
        public string Caption()
        {
            return Probe.Reading.Latest.ToString("F1");
        }
    }
}
