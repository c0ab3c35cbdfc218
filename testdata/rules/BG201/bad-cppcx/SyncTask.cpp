#include "pch.h"
#include "SyncTask.h"

using namespace Windows::ApplicationModel::Background;
using namespace Windows::Storage;

namespace Tasks
{
    void SyncTask::Run(IBackgroundTaskInstance^ taskInstance)
    {
        ApplicationData::Current->LocalSettings->Values->Insert("LastSync", "done");
    }
}
