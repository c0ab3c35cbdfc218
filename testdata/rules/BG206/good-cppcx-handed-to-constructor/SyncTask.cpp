#include "pch.h"
#include "SyncTask.h"

using namespace concurrency;
using namespace Tasks;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Foundation;
using namespace Windows::System::Threading;

void SyncTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    auto deferral = taskInstance->GetDeferral();
    auto worker = ref new SyncWorker(deferral);
    worker->Start();
}

SyncWorker::SyncWorker(BackgroundTaskDeferral^ done) : m_done(done)
{
}

void SyncWorker::Start()
{
    m_timer = ThreadPoolTimer::CreateTimer(ref new TimerElapsedHandler(this, &SyncWorker::OnTick), TimeSpan{ 50000000 });
}

void SyncWorker::OnTick(ThreadPoolTimer^ timer)
{
    m_done->Complete();
}
