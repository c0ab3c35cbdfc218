#pragma once
#define CLSID_MacroTask "5B2D7F10-3C4E-4A6B-8D9E-0F1A2B3C4D5E"

namespace winrt::ComSample
{
    struct __declspec(uuid(CLSID_MacroTask)) MacroTask : winrt::implements<MacroTask, Windows::ApplicationModel::Background::IBackgroundTask>
    {
        void Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance);
    };
}
