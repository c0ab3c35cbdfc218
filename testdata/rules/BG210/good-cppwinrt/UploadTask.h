#pragma once
#include "UploadTask.g.h"

namespace winrt::Tasks::implementation
{
    struct UploadTask : UploadTaskT<UploadTask>
    {
        UploadTask() = default;

        void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
        {
            auto settings = winrt::Windows::Storage::ApplicationData::Current().LocalSettings();
            settings.Values().Insert(L"LastSync", winrt::box_value(L"done"));
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct UploadTask : UploadTaskT<UploadTask, implementation::UploadTask>
    {
    };
}
