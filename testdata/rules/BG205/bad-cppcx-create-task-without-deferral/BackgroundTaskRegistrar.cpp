#include "pch.h"
#include "BackgroundTaskRegistrar.h"

using namespace concurrency;
using namespace Windows::ApplicationModel::Background;

namespace ContosoSync
{
    void BackgroundTaskRegistrar::Register()
    {
        create_task(BackgroundExecutionManager::RequestAccessAsync()).then([](BackgroundAccessStatus status)
        {
            if (status == BackgroundAccessStatus::DeniedByUser ||
                status == BackgroundAccessStatus::DeniedBySystemPolicy)
            {
                return;
            }
            auto iter = BackgroundTaskRegistration::AllTasks->First();
            while (iter->HasCurrent)
            {
                if (iter->Current->Value->Name == "SyncTask")
                {
                    return;
                }
                iter->MoveNext();
            }
            auto builder = ref new BackgroundTaskBuilder();
            builder->Name = "SyncTask";
            builder->TaskEntryPoint = "Tasks.SyncTask";
            builder->SetTrigger(ref new TimeTrigger(15, false));
            builder->Register();
        });
    }
}
