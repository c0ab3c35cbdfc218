namespace FlashcardsTests
{
    public class Tests
    {
        // registers the reminder inside the test host's own package,
        // whose manifest does not declare it
        public void RemindersAreScheduled() { Study.ReviewReminder.Register(); }
    }
}
