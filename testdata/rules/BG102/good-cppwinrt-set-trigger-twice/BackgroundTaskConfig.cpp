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
        // a timer first, then the time-zone event instead: the last SetTrigger wins
        builder.SetTrigger(TimeTrigger(30, false));
        builder.SetTrigger(SystemTrigger(SystemTriggerType::TimeZoneChange, false));
        builder.Register();
    }
}
