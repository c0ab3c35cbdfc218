#include "pch.h"
#include "TaskScheduling.h"

using namespace Platform;
using namespace Windows::ApplicationModel::Background;

namespace Northwind
{
    namespace Ferry
    {
        BackgroundTaskRegistration^ TaskScheduling::PlanBackgroundTask(String^ entryPoint, String^ name, IBackgroundTrigger^ trigger)
        {
            auto builder = ref new BackgroundTaskBuilder();
            builder->Name = name;
            builder->TaskEntryPoint = entryPoint;
            builder->SetTrigger(trigger);
            return builder->Register();
        }
    }
}
