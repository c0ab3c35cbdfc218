namespace Tasks
{
    partial class SplitDeferral
    {
        public void Finish()
        {
            _held.Complete();
        }
    }
}
