#pragma once

namespace Tasks
{
    public ref class SyncTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask
    {
    public:
        virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);
    private:
        void OnTick(Windows::System::Threading::ThreadPoolTimer^ timer);
        Windows::ApplicationModel::Background::BackgroundTaskDeferral^ m_deferral;
        Windows::System::Threading::ThreadPoolTimer^ m_timer;
    };
}
