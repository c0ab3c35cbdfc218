#include "pch.h"
#include "App.h"
#include "TaskNames.h"

using namespace winrt;
using namespace Windows::ApplicationModel::Activation;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Foundation;
using namespace Windows::UI::Xaml;
using namespace Windows::UI::Xaml::Controls;

namespace winrt::CppWinRTBasic::implementation
{
    App::App()
    {
        InitializeComponent();
    }

    void App::OnLaunched(LaunchActivatedEventArgs const& e)
    {
        Frame rootFrame{ nullptr };
        if (auto content = Window::Current().Content())
        {
            rootFrame = content.try_as<Frame>();
        }
        if (rootFrame == nullptr)
        {
            rootFrame = Frame();
            Window::Current().Content(rootFrame);
        }
        Window::Current().Activate();
        RegisterBackgroundTasksAsync();
    }

    IAsyncAction App::RegisterBackgroundTasksAsync()
    {
        auto lifetime = get_strong();

        // Access must be requested before any registration.
        BackgroundAccessStatus status = co_await BackgroundExecutionManager::RequestAccessAsync();
        if (status == BackgroundAccessStatus::DeniedByUser || status == BackgroundAccessStatus::DeniedBySystemPolicy)
        {
            co_return;
        }

        for (auto const& task : BackgroundTaskRegistration::AllTasks())
        {
            if (task.Value().Name() == TimeZoneTaskName)
            {
                co_return; // already registered
            }
        }

        BackgroundTaskBuilder builder;
        builder.Name(TimeZoneTaskName);
        builder.TaskEntryPoint(winrt::name_of<winrt::Tasks::TimeZoneTask>());
        builder.SetTrigger(SystemTrigger(SystemTriggerType::TimeZoneChange, false));
        builder.AddCondition(SystemCondition(SystemConditionType::UserPresent));
        builder.Register();
    }
}
