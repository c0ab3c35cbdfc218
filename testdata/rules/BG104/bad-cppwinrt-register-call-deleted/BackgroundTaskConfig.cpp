#include "pch.h"
#include "BackgroundTaskConfig.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;

namespace winrt::Fabrikam::Notes::implementation
{
    IAsyncAction RegisterBackgroundTasksAsync()
    {
        auto status = co_await BackgroundExecutionManager::RequestAccessAsync();
        if (status == BackgroundAccessStatus::DeniedByUser || status == BackgroundAccessStatus::DeniedBySystemPolicy)
        {
            co_return;
        }

        BackgroundTaskBuilder sync;
        sync.Name(L"NotesSync");
        sync.TaskEntryPoint(L"Fabrikam.Tasks.SyncTask");
        sync.SetTrigger(TimeTrigger(30, false));
        sync.Register();

        // Configured and then dropped: the Register() call is gone.
        BackgroundTaskBuilder cleanup;
        cleanup.Name(L"NotesCleanup");
        cleanup.TaskEntryPoint(L"Fabrikam.Tasks.CleanupTask");
        cleanup.SetTrigger(MaintenanceTrigger(24 * 60, false));
    }
}
