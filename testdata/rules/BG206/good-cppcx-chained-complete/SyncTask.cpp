#include "pch.h"
#include "SyncTask.h"

using namespace concurrency;
using namespace Tasks;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Foundation;
using namespace Windows::System::Threading;

void SyncTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    taskInstance->GetDeferral()->Complete();
}
