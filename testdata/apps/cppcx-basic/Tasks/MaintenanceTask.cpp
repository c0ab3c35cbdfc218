#include "pch.h"
#include "MaintenanceTask.h"

using namespace Tasks;
using namespace concurrency;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Storage;

void MaintenanceTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    // Hold a deferral until the asynchronous clean-up has finished.
    auto deferral = taskInstance->GetDeferral();
    create_task(ApplicationData::Current->ClearAsync(ApplicationDataLocality::Temporary)).then([deferral]()
    {
        deferral->Complete();
    });
}
