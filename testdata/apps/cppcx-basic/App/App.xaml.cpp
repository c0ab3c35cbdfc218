#include "pch.h"
#include "BackgroundTaskConfig.h"
#include "../Tasks/NetworkTask.h"

using namespace CppCxBasic;
using namespace concurrency;
using namespace Platform;
using namespace Windows::ApplicationModel::Activation;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::UI::Xaml;
using namespace Windows::UI::Xaml::Controls;

App::App()
{
    InitializeComponent();
}

void App::OnLaunched(LaunchActivatedEventArgs^ e)
{
    auto rootFrame = dynamic_cast<Frame^>(Window::Current->Content);
    if (rootFrame == nullptr)
    {
        rootFrame = ref new Frame();
        Window::Current->Content = rootFrame;
    }
    Window::Current->Activate();
    RegisterTasks();
}

void App::RegisterTasks()
{
    create_task(BackgroundExecutionManager::RequestAccessAsync()).then([](BackgroundAccessStatus status)
    {
        if (status == BackgroundAccessStatus::DeniedByUser || status == BackgroundAccessStatus::DeniedBySystemPolicy)
        {
            return;
        }
        /* BackgroundTaskConfig::RegisterBackgroundTask(OLD_TASK_ENTRY_POINT, "Old", nullptr, nullptr); */
        BackgroundTaskConfig::RegisterBackgroundTask(
            MAINTENANCE_TASK_ENTRY_POINT,
            MaintenanceTaskName,
            ref new MaintenanceTrigger(60, false),
            nullptr);
        BackgroundTaskConfig::RegisterBackgroundTask(
            Tasks::NetworkTask::typeid->FullName,
            NetworkTaskName,
            ref new SystemTrigger(SystemTriggerType::InternetAvailable, false),
            ref new SystemCondition(SystemConditionType::FreeNetworkAvailable));
    });
}
