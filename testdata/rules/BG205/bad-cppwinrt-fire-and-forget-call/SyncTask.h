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
            SyncAsync(); // returns at its first co_await
        }

        winrt::fire_and_forget SyncAsync()
        {
            co_await winrt::resume_after(1s);
            winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values().Insert(L"synced", winrt::box_value(true));
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
