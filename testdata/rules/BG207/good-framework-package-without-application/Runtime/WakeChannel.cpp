#include "pch.h"
#include "WakeChannel.h"
#include "WakeChannel.g.cpp"

using namespace winrt::Windows::ApplicationModel::Background;

namespace winrt::Northwind::Runtime::implementation
{
    // Runs inside the calling app's process, for the calling app's package:
    // the app declares the COM server, asks for background access and
    // handles the wake-up; this framework only registers the trigger for it.
    void WakeChannel::Open()
    {
        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            if (registered.Value().Name() == L"NorthwindWake")
            {
                return;
            }
        }

        BackgroundTaskBuilder builder{};
        builder.Name(L"NorthwindWake");
        builder.SetTrigger(PushNotificationTrigger());
        auto comBuilder{ builder.as<IBackgroundTaskBuilder5>() };
        comBuilder.SetTaskEntryPointClsid(CallerServerClsid());
        builder.Register();
    }
}
