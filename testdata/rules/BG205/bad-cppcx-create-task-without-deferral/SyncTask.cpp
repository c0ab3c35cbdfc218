#include "pch.h"
#include "SyncTask.h"

using namespace concurrency;
using namespace Tasks;
using namespace Windows::ApplicationModel::Background;
using namespace Windows::Foundation;
using namespace Windows::System::Threading;

void SyncTask::Run(IBackgroundTaskInstance^ taskInstance)
{
    auto folder = Windows::Storage::ApplicationData::Current->LocalFolder;
    create_task(folder->CreateFileAsync("sync.json", Windows::Storage::CreationCollisionOption::ReplaceExisting))
        .then([](Windows::Storage::StorageFile^ file)
    {
        return Windows::Storage::FileIO::WriteTextAsync(file, "{}");
    });
}
