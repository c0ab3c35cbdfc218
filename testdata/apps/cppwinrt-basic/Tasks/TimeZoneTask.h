#pragma once
#include "TimeZoneTask.g.h"

namespace winrt::Tasks::implementation
{
    struct TimeZoneTask : TimeZoneTaskT<TimeZoneTask>
    {
        TimeZoneTask() = default;

        winrt::fire_and_forget Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance);
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct TimeZoneTask : TimeZoneTaskT<TimeZoneTask, implementation::TimeZoneTask>
    {
    };
}
