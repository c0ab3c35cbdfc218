#include "pch.h"
#include "Names.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;

namespace winrt::App::implementation
{
    // The task trigger lives in a member, assigned in another method.
    void MainPage::CreateTriggers()
    {
        m_timer = TimeTrigger(15, false);
    }

    fire_and_forget MainPage::RegisterAsync()
    {
        co_await BackgroundExecutionManager::RequestAccessAsync();
        auto tasks = BackgroundTaskRegistration::AllTasks();

        BackgroundTaskBuilder sync;
        sync.Name(L"sync");
        sync.TaskEntryPoint(SYNC_ENTRY);
        sync.SetTrigger(m_timer);
        sync.Register();

        auto open = BackgroundTaskBuilder();
        open.TaskEntryPoint(winrt::name_of<Component::OpenTask>());
        open.SetTrigger(SystemTrigger{ SystemTriggerType::UserPresent, false });
        open.Register();

        BackgroundTaskBuilder raw{};
        raw.TaskEntryPoint(hstring{ Names::RawName });
        raw.SetTrigger(winrt::Windows::ApplicationModel::Background::MaintenanceTrigger(15, false));
        raw.Register();

        BackgroundTaskBuilder inproc;
        ApplicationTrigger trigger;
        inproc.SetTrigger(trigger);
        inproc.Register();
    }

    void App::OnBackgroundActivated(Windows::ApplicationModel::Activation::BackgroundActivatedEventArgs const& args)
    {
    }
}

namespace winrt::App::implementation
{
    void Watchers::Register(Windows::Devices::Enumeration::DeviceWatcher const& deviceWatcher)
    {
        auto deviceWatcherTrigger = deviceWatcher.GetBackgroundTrigger(m_kinds);
        BackgroundTaskBuilder watcher;
        watcher.TaskEntryPoint(L"Component.WatcherTask");
        watcher.SetTrigger(deviceWatcherTrigger);
        watcher.Register();

        Windows::Networking::BackgroundTransfer::BackgroundTransferCompletionGroup completionGroup;
        BackgroundTaskBuilder transfers;
        transfers.TaskEntryPoint(L"Component.TransferTask");
        transfers.SetTrigger(completionGroup.Trigger());
        transfers.Register();
    }
}
