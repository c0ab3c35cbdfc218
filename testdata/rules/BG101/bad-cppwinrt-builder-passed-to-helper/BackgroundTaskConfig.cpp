#include "pch.h"
#include "BackgroundTaskConfig.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;

namespace winrt::Fabrikam::Notes::implementation
{
    static void ConfigureAndRegister(BackgroundTaskBuilder const& builder, hstring const& entryPoint)
    {
        builder.TaskEntryPoint(entryPoint);
        builder.SetTrigger(TimeTrigger(30, false));
        builder.Register();
    }

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
        ConfigureAndRegister(builder, L"Fabrikam.Tasks.SyncTsk");
    }
}
