#include "pch.h"

using namespace concurrency;
using namespace Windows::ApplicationModel;

void EnableStartup()
{
    create_task(StartupTask::GetAsync(L"SyncAtLogon")).then([](StartupTask^ task)
    {
        return task->RequestEnableAsync();
    });
}
