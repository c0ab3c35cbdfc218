namespace Gallery
{
    public sealed class App
    {
        public void Start() { }
    }
}
