#pragma once
#include "SyncTask.g.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;
using namespace winrt::Windows::System::Threading;
using namespace std::chrono_literals;

namespace winrt::Tasks::implementation
{
    struct SyncWorker : winrt::implements<SyncWorker, winrt::Windows::Foundation::IInspectable>
    {
        SyncWorker(BackgroundTaskDeferral const& done) : m_done(done) {}

        void Start()
        {
            m_timer = ThreadPoolTimer::CreateTimer({ get_strong(), &SyncWorker::OnTick }, 5s);
        }

        void OnTick(ThreadPoolTimer const&)
        {
            m_done.Complete();
        }

        BackgroundTaskDeferral m_done{ nullptr };
        ThreadPoolTimer m_timer{ nullptr };
    };

    struct SyncTask : SyncTaskT<SyncTask>
    {
        SyncTask() = default;

        void Run(IBackgroundTaskInstance const& taskInstance)
        {
            auto deferral = taskInstance.GetDeferral();
            auto worker = winrt::make_self<SyncWorker>(deferral);
            worker->Start();
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
