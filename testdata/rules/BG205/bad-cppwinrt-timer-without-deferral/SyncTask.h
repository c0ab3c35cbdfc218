#pragma once
#include "SyncTask.g.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;
using namespace winrt::Windows::System::Threading;
using namespace std::chrono_literals;

namespace winrt::Tasks::implementation
{
    struct SyncTask : SyncTaskT<SyncTask>
    {
        SyncTask() = default;

        void Run(IBackgroundTaskInstance const& taskInstance)
        {
            m_timer = ThreadPoolTimer::CreateTimer({ this, &SyncTask::OnTick }, 5s);
        }

        void OnTick(ThreadPoolTimer const&)
        {
            winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values().Insert(L"ticked", winrt::box_value(true));
        }

        ThreadPoolTimer m_timer{ nullptr };
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
