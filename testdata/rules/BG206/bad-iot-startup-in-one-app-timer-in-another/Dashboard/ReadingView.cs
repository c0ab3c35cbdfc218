namespace Dashboard
{
    // Shows the probe's readings, and samples them every quarter of an
    // hour with the same task class the headless app starts at boot: here
    // it is an ordinary timer task, which must complete its deferral.
    public sealed class ReadingView
    {
        public string Caption()
        {
            return Probe.Reading.Latest.ToString("F1");
        }
    }
}
