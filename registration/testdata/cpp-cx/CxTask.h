#pragma once
namespace Tasks
{
    [Windows::Foundation::Metadata::WebHostHidden]
    public ref class CxTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask
    {
    public:
        CxTask();
        virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);
    private:
        Platform::Agile<Windows::ApplicationModel::Background::BackgroundTaskDeferral^> m_deferral;
    };

    public ref class NotSealed
    {
    };

    ref class Internal sealed
    {
    };
}
