#include "pch.h"
#include "TimeZoneTask.h"
#include "TimeZoneTask.g.cpp"

using namespace winrt;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Storage;

namespace winrt::Tasks::implementation
{
    winrt::fire_and_forget TimeZoneTask::Run(IBackgroundTaskInstance const& taskInstance)
    {
        // The deferral keeps the host alive across the co_await below.
        auto deferral = taskInstance.GetDeferral();
        StorageFolder folder = ApplicationData::Current().LocalFolder();
        StorageFile file = co_await folder.CreateFileAsync(L"timezone.txt", CreationCollisionOption::ReplaceExisting);
        co_await FileIO::WriteTextAsync(file, L"The time zone changed.");
        deferral.Complete();
    }
}
