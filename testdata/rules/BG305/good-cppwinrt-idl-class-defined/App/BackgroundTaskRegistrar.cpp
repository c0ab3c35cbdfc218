#include "pch.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;

namespace winrt::ContosoSync
{
    fire_and_forget RegisterBackgroundTasks()
    {
        auto status = co_await BackgroundExecutionManager::RequestAccessAsync();
        if (status == BackgroundAccessStatus::DeniedByUser)
        {
            co_return;
        }
        for (auto const& task : BackgroundTaskRegistration::AllTasks())
        {
            if (task.Value().Name() == L"SyncTask")
            {
                co_return;
            }
        }
        BackgroundTaskBuilder builder;
        builder.Name(L"SyncTask");
        builder.TaskEntryPoint(L"NativeTasks.SyncTask");
        builder.SetTrigger(TimeTrigger(15, false));
        builder.Register();
    }
}
