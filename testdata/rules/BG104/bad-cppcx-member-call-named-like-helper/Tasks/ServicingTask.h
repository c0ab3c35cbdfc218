#pragma once

namespace Northwind
{
    namespace Tasks
    {
        public ref class ServicingTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask
        {
        public:
            virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);
        };
    }
}
