#include "pch.h"
#include "BackgroundTaskConfig.h"
#include "TaskQueue.h"

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

        // The queue (a header of another library) registers what it is given.
        BackgroundTaskBuilder cleanup;
        cleanup.Name(L"NotesCleanup");
        cleanup.TaskEntryPoint(L"Fabrikam.Tasks.CleanupTask");
        cleanup.SetTrigger(MaintenanceTrigger(24 * 60, false));
        TaskQueue::Instance().Enqueue(std::move(cleanup));
    }
}
