#include "pch.h"
#include "SyncTask.h"

using namespace Fabrikam::Tasks;
using namespace Windows::ApplicationModel::Background;

void SyncTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    Windows::Storage::ApplicationData::Current->LocalSettings->Values->Insert(L"SyncTask.LastRun", L"done");
}
