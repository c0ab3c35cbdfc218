namespace Flashcards
{
    public sealed class MainPage
    {
        public void OnNavigatedTo() { Study.ReviewReminder.Register(); }
    }
}
