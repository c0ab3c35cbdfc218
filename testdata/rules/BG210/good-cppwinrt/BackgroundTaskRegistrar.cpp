#include "pch.h"
#include "BackgroundTaskRegistrar.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;

namespace winrt::ContosoSync::implementation
{
    static void RegisterIfAbsent(hstring const& name, hstring const& entryPoint, IBackgroundTrigger const& trigger)
    {
        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            if (registered.Value().Name() == name)
            {
                return;
            }
        }

        BackgroundTaskBuilder builder;
        builder.Name(name);
        builder.TaskEntryPoint(entryPoint);
        builder.SetTrigger(trigger);
        builder.Register();
    }

    IAsyncAction RegisterBackgroundTasksAsync()
    {
        auto status = co_await BackgroundExecutionManager::RequestAccessAsync();
        if (status == BackgroundAccessStatus::DeniedByUser ||
            status == BackgroundAccessStatus::DeniedBySystemPolicy)
        {
            co_return;
        }

        RegisterIfAbsent(L"SyncTask", L"Tasks.SyncTask", TimeTrigger(15, false));
        RegisterIfAbsent(L"UploadTask", L"Tasks.UploadTask", SystemTrigger(SystemTriggerType::InternetAvailable, false));
    }
}
