#include "pch.h"
#include "BackgroundTaskRegistrar.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;

namespace winrt::ContosoSync::implementation
{
    IAsyncAction RegisterBackgroundTasksAsync()
    {
        auto status = co_await BackgroundExecutionManager::RequestAccessAsync();
        if (status == BackgroundAccessStatus::DeniedByUser ||
            status == BackgroundAccessStatus::DeniedBySystemPolicy)
        {
            co_return;
        }

        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            if (registered.Value().Name() == L"SyncTask")
            {
                co_return;
            }
        }

        BackgroundTaskBuilder builder;
        builder.Name(L"SyncTask");
        builder.TaskEntryPoint(L"Tasks.SyncTask");
        builder.SetTrigger(TimeTrigger(15, false));
        builder.Register();

        // registered only together with SyncTask, which the loop looks up
        BackgroundTaskBuilder hourly;
        hourly.Name(L"SyncTaskHourly");
        hourly.TaskEntryPoint(L"Tasks.SyncTask");
        hourly.SetTrigger(TimeTrigger(60, false));
        hourly.Register();
        co_return;
    }
}
