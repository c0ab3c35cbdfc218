#pragma once
#include <string_view>

namespace Names
{
    inline constexpr std::wstring_view RawName{ LR"x(Raw"Name)x" };
    constexpr wchar_t Prefix[] = L"Component.";
}
#define SYNC_ENTRY L"Component." L"SyncTask"
#if 0
#define SYNC_ENTRY L"Component.Wrong"
#endif
