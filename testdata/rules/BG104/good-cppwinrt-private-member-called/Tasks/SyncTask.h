#pragma once
#include "SyncTask.g.h"

namespace winrt::Fabrikam::Tasks::implementation
{
    struct SyncTask : SyncTaskT<SyncTask>
    {
        SyncTask() = default;

        void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
        {
            auto values = winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values();
            values.Insert(L"SyncTask.LastRun", winrt::box_value(L"done"));
        }
    };
}

namespace winrt::Fabrikam::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
