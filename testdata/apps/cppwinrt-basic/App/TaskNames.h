#pragma once

namespace CppWinRTBasic
{
    // The name the time zone task is registered under; the entry point
    // comes from the runtime class itself (winrt::name_of).
    inline constexpr wchar_t TimeZoneTaskName[] = L"TimeZoneTask";
}
