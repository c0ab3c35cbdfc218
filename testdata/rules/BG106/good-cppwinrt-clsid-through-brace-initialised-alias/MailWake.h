#pragma once

struct __declspec(uuid("c41e7a90-5d2b-4f38-a6e1-0b9f3d7c2e54")) MailWake : winrt::implements<MailWake, winrt::Windows::ApplicationModel::Background::IBackgroundTask>
{
    void Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance const& taskInstance)
    {
        winrt::Windows::Storage::ApplicationData::Current().LocalSettings().Values().Insert(L"MailWake.LastWake", winrt::box_value(L"woken"));
    }
};
