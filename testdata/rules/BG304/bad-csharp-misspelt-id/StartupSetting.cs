using System.Threading.Tasks;
using Windows.ApplicationModel;

namespace Contoso.Sync
{
    internal static class StartupSetting
    {
        private const string TaskId = "ContosoSyncStatup";

        public static async Task<bool> EnableAsync()
        {
            var task = await StartupTask.GetAsync(TaskId);
            var state = await task.RequestEnableAsync();
            return state == StartupTaskState.Enabled;
        }
    }
}
