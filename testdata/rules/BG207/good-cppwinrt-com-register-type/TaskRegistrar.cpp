#include "pch.h"
#include "TaskRegistrar.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;

namespace winrt::ContosoSync::implementation
{
    // Registration moves to the settings page in the next release; nothing calls it yet.
    void TaskRegistrar::Register(hstring const& entryPoint)
    {
        BackgroundTaskBuilder builder;
        builder.Name(L"SyncTask");
        builder.TaskEntryPoint(entryPoint);
        builder.SetTrigger(TimeTrigger(15, false));
        builder.Register();
    }
}
