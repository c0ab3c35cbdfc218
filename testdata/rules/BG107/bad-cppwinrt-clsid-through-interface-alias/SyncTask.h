#pragma once

struct __declspec(uuid("6d2a4f1e-0c9b-4a57-8e3d-91b2c7f4a0e5")) SyncTask : winrt::implements<SyncTask, winrt::Windows::ApplicationModel::Background::IBackgroundTask>
{
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
    {
        winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values().Insert(L"SyncTask.LastRun", winrt::box_value(L"done"));
    }
};
