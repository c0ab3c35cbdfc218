#include "pch.h"
#include "SyncTask.h"

using namespace concurrency;
using namespace Tasks;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Foundation;
using namespace Windows::System::Threading;

void SyncTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    m_timer = ThreadPoolTimer::CreateTimer(ref new TimerElapsedHandler(this, &SyncTask::OnTick), TimeSpan{ 50000000 });
}

void SyncTask::OnTick(ThreadPoolTimer^ timer)
{
    m_deferral->Complete();
}
