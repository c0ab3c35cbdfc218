#pragma once
#include "WakeChannel.g.h"

// The COM class the calling app serves for its wake-up (read from its package).
winrt::guid CallerServerClsid();

namespace winrt::Northwind::Runtime::implementation
{
    struct WakeChannel
    {
        static void Open();
    };
}

namespace winrt::Northwind::Runtime::factory_implementation
{
    struct WakeChannel : WakeChannelT<WakeChannel, implementation::WakeChannel>
    {
    };
}
