using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using BG = Windows.ApplicationModel.Background;

namespace Tasks
{
    // async Run without a deferral
    public sealed class NoDeferral : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            await Task.Delay(10);
        }
    }

    // deferral taken in a helper the Run method calls, completed elsewhere
    public sealed partial class SplitDeferral : BG.IBackgroundTask
    {
        private BackgroundTaskDeferral _held;

        public void Run(IBackgroundTaskInstance taskInstance)
        {
            Begin(taskInstance);
        }

        private void Begin(IBackgroundTaskInstance instance)
        {
            _held = instance.GetDeferral();
        }
    }

    // not sealed, not public
    class Loose : global::Windows.ApplicationModel.Background.IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) { }
    }

    // a public class in the component that is not a task
    public class Helper
    {
    }

    internal sealed class InternalTask : IBackgroundTask
    {
        public void Run(IBackgroundTaskInstance taskInstance) => DoWork();
        private void DoWork() { }
    }
}
