#include "pch.h"
#include "MailWake.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;
using namespace winrt::Windows::Foundation;

namespace winrt::Tailspin::Mail::implementation
{
    IAsyncAction RegisterMailWakeAsync()
    {
        auto status = co_await BackgroundExecutionManager::RequestAccessAsync();
        if (status == BackgroundAccessStatus::DeniedByUser || status == BackgroundAccessStatus::DeniedBySystemPolicy)
        {
            co_return;
        }

        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            if (registered.Value().Name() == L"MailWake")
            {
                co_return;
            }
        }

        BackgroundTaskBuilder builder{};
        builder.Name(L"MailWake");
        builder.SetTrigger(PushNotificationTrigger());
        // the same builder object, seen through IBackgroundTaskBuilder5
        // (brace initialisation): the task is the COM class MailWake
        auto wakeBuilder{ builder.as<IBackgroundTaskBuilder5>() };
        wakeBuilder.SetTaskEntryPointClsid(__uuidof(MailWake));
        builder.Register();
    }
}
