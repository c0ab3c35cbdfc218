#include "pch.h"
#include "SyncScheduler.h"

using namespace winrt::Windows::ApplicationModel::Background;

namespace winrt::Fabrikam::Notes
{
    void SyncScheduler::Start()
    {
        RegisterSyncTask();
    }

    void SyncScheduler::RegisterSyncTask()
    {
        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            if (registered.Value().Name() == L"NotesSync")
            {
                return;
            }
        }
        BackgroundTaskBuilder builder;
        builder.Name(L"NotesSync");
        builder.TaskEntryPoint(L"Fabrikam.Tasks.SyncTask");
        builder.SetTrigger(TimeTrigger(30, false));
        builder.Register();
    }
}
