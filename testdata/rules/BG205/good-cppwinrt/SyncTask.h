#pragma once
#include "SyncTask.g.h"

namespace winrt::Tasks::implementation
{
    struct SyncTask : SyncTaskT<SyncTask>
    {
        SyncTask() = default;

        winrt::fire_and_forget Run(winrt::Windows::ApplicationModel::Background::IBackgroundTaskInstance taskInstance)
        {
            auto deferral = taskInstance.GetDeferral();
            co_await SyncAsync();
            deferral.Complete();
        }

        static winrt::Windows::Foundation::IAsyncAction SyncAsync()
        {
            winrt::Windows::Web::Http::HttpClient client;
            auto body = co_await client.GetStringAsync(winrt::Windows::Foundation::Uri(L"https://contoso.example/sync"));
            auto folder = winrt::Windows::Storage::ApplicationData::Current().LocalFolder();
            auto file = co_await folder.CreateFileAsync(L"sync.json", winrt::Windows::Storage::CreationCollisionOption::ReplaceExisting);
            co_await winrt::Windows::Storage::FileIO::WriteTextAsync(file, body);
        }
    };
}

namespace winrt::Tasks::factory_implementation
{
    struct SyncTask : SyncTaskT<SyncTask, implementation::SyncTask>
    {
    };
}
