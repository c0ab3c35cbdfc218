#pragma once
#include "SyncTask.g.h"

namespace winrt::Component::implementation
{
    struct SyncTask : SyncTaskT<SyncTask>
    {
        SyncTask() = default;
        Windows::Foundation::IAsyncAction Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
        {
            co_await Windows::Foundation::IAsyncAction{ nullptr };
        }
    };
}
namespace winrt::Component::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask> {};
}
