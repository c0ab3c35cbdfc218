#include "pch.h"
#include <winrt/Windows.ApplicationModel.h>

using namespace winrt::Windows::ApplicationModel;

winrt::Windows::Foundation::IAsyncOperation<bool> EnableStartupAsync()
{
    auto task = co_await StartupTask::GetAsync(L"SyncAtLogon");
    auto state = co_await task.RequestEnableAsync();
    co_return state == StartupTaskState::Enabled;
}
