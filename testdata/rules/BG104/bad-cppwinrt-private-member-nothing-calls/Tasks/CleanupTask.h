#pragma once
#include "CleanupTask.g.h"

namespace winrt::Fabrikam::Tasks::implementation
{
    struct CleanupTask : CleanupTaskT<CleanupTask>
    {
        CleanupTask() = default;

        void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
        {
            auto values = winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values();
            values.Insert(L"CleanupTask.LastRun", winrt::box_value(L"done"));
        }
    };
}

namespace winrt::Fabrikam::Tasks::factory_implementation
{
    struct CleanupTask : CleanupTaskT<CleanupTask, implementation::CleanupTask>
    {
    };
}
