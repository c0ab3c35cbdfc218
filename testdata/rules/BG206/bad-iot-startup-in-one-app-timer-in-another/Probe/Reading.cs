namespace Probe
{
    public sealed class Reading
    {
        public static double Latest { get; set; }

        public static double Take()
        {
            return 21.5;
        }
    }
}
