using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;
using Windows.Storage;
using Windows.System.Threading;

namespace Tasks
{
    public sealed class SyncTask : XamlRenderingBackgroundTask
    {
        protected override async void OnRun(IBackgroundTaskInstance taskInstance)
        {
            var folder = ApplicationData.Current.LocalFolder;
            await folder.CreateFileAsync("tile.png", CreationCollisionOption.ReplaceExisting);
        }
    }
}
