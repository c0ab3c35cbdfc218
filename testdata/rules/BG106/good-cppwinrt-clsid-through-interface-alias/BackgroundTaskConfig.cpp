#include "pch.h"
#include "BackgroundTaskConfig.h"
#include "SyncTask.h"

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
        // the CLSID setter lives on IBackgroundTaskBuilder5
        auto builder5 = builder.as<IBackgroundTaskBuilder5>();
        builder5.SetTaskEntryPointClsid(__uuidof(SyncTask));
        builder.SetTrigger(TimeTrigger(30, false));
        builder.Register();
    }
}
