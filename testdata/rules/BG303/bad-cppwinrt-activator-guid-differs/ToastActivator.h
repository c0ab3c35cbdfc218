#pragma once
#include <NotificationActivationCallback.h>
#include <winrt/base.h>

struct __declspec(uuid("3f9a1c2e-7b4d-4e8a-9c61-2d5e8f0a1b7c")) ToastActivator : winrt::implements<ToastActivator, INotificationActivationCallback>
{
    HRESULT __stdcall Activate(LPCWSTR appUserModelId, LPCWSTR invokedArgs, NOTIFICATION_USER_INPUT_DATA const* data, ULONG count) noexcept override
    {
        return S_OK;
    }
};
