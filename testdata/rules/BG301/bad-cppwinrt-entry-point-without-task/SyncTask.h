#pragma once
#include <winrt/Windows.ApplicationModel.Background.h>

struct __declspec(uuid("3f9a1c2e-7b4d-4e8a-9c61-2d5e8f0a1b7c")) SyncTask : winrt::implements<SyncTask, winrt::Windows::ApplicationModel::Background::IBackgroundTask>
{
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
    {
        winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values().Insert(L"SyncTask.LastRun", winrt::box_value(L"done"));
    }
};
