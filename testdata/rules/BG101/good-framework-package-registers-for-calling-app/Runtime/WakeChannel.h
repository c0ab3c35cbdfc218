#pragma once
#include "WakeChannel.g.h"

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
