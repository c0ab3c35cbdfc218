#pragma once

namespace Tasks
{
    public ref class SyncTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask
    {
    public:
        virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);

    };
}

namespace Tasks
{
    ref class SyncWorker sealed
    {
    public:
        SyncWorker(Windows::ApplicationModel::Background::BackgroundTaskDeferral^ done);
        void Start();
    private:
        void OnTick(Windows::System::Threading::ThreadPoolTimer^ timer);
        Windows::ApplicationModel::Background::BackgroundTaskDeferral^ m_done;
        Windows::System::Threading::ThreadPoolTimer^ m_timer;
    };
}
