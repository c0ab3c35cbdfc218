#include "pch.h"
#include "CxTask.h"

using namespace Tasks;
using namespace concurrency;

CxTask::CxTask()
{
}

void CxTask::Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance)
{
    m_deferral = taskInstance->GetDeferral();
    create_task([this]() { m_deferral->Complete(); });
}
