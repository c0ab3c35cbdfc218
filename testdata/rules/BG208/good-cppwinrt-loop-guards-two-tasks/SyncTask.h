#pragma once
#include "SyncTask.g.h"

namespace winrt::Tasks::implementation
{
    struct SyncTask : SyncTaskT<SyncTask>
    {
        SyncTask() = default;

        void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
        {
            auto settings = winrt::Windows::Storage::ApplicationData::Current().LocalSettings();
            settings.Values().Insert(L"LastSync", winrt::box_value(L"done"));
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
