#pragma once
#include <winrt/Windows.ApplicationModel.Background.h>

struct __declspec(uuid("3f9a1c2e-7b4d-4e8a-9c61-2d5e8f0a1b7d")) ISyncTask : ::IUnknown
{
    virtual HRESULT __stdcall Sync() = 0;
};

struct SyncTask : winrt::implements<SyncTask, ISyncTask, winrt::Windows::ApplicationModel::Background::IBackgroundTask>
{
    HRESULT __stdcall Sync() override { return S_OK; }
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const&) {}
};
