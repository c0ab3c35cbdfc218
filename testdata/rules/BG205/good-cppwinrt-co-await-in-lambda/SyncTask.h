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

        winrt::fire_and_forget Run(IBackgroundTaskInstance taskInstance)
        {
            // the co_await belongs to the lambda; Run waits for it with get()
            auto work = []() -> IAsyncAction
            {
                co_await winrt::resume_after(1s);
            };
            work().get();
            co_return;
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
