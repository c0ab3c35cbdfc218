#pragma once

namespace Northwind
{
    namespace Tasks
    {
        public ref class TimetableTask sealed : public Windows::ApplicationModel::Background::IBackgroundTask
        {
        public:
            virtual void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance^ taskInstance);
        };
    }
}
