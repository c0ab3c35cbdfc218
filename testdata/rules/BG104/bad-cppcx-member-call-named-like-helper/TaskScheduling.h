#pragma once

namespace Northwind
{
    namespace Ferry
    {
        ref class TaskScheduling sealed
        {
        public:
            static Windows::ApplicationModel::Background::BackgroundTaskRegistration^ PlanBackgroundTask(
                Platform::String^ entryPoint, Platform::String^ name,
                Windows::ApplicationModel::Background::IBackgroundTrigger^ trigger);
        };
    }
}
