#include "pch.h"
#include "NetworkTask.h"

using namespace Tasks;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Storage;

void NetworkTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    ApplicationData::Current->LocalSettings->Values->Insert(L"NetworkAvailable", true);
}
