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
            taskInstance.GetDeferral().Complete();
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
