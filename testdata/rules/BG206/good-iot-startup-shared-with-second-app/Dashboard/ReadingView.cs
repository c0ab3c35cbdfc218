namespace Dashboard
{
    // Shows the probe's readings; it uses the Probe component for its
    // types and declares no background task of its own.
    public sealed class ReadingView
    {
        public string Caption()
        {
            return Probe.Reading.Latest.ToString("F1");
        }
    }
}
