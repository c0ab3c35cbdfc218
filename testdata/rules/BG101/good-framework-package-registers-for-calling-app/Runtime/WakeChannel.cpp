#include "pch.h"
#include "WakeChannel.h"
#include "WakeChannel.g.cpp"

using namespace winrt::Windows::ApplicationModel::Background;

namespace winrt::Northwind::Runtime::implementation
{
    // Runs inside the calling app's process, for the calling app's package:
    // the app's manifest declares Northwind.Apps.WakeTask (the framework
    // cannot: it has no <Application>); this framework only registers it.
    void WakeChannel::Open()
    {
        if (BackgroundExecutionManager::RequestAccessAsync().get() == BackgroundAccessStatus::DeniedByUser)
        {
            return;
        }

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
        builder.TaskEntryPoint(L"Northwind.Apps.WakeTask");
        builder.Register();
    }
}
