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

        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            registered.Value().Unregister(true);
        }

        BackgroundTaskBuilder builder;
        builder.Name(L"NotesSync");
        builder.TaskEntryPoint(L"Fabrikam.Tasks.SyncTask");
        builder.SetTrigger(TimeTrigger(30, false));
        builder.Register();

#if 0 // the cleanup task waits for the new storage layer
        BackgroundTaskBuilder cleanup;
        cleanup.TaskEntryPoint(winrt::name_of<winrt::Fabrikam::Tasks::CleanupTask>());
        cleanup.SetTrigger(MaintenanceTrigger(60 * 24, false));
        cleanup.Register();
#endif
        // cleanup.TaskEntryPoint(L"Fabrikam.Tasks.CleanupTask");
    }
}
