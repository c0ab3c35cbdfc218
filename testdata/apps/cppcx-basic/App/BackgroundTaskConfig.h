#pragma once

// Entry points must equal the EntryPoint attributes in Package.appxmanifest.
#define MAINTENANCE_TASK_ENTRY_POINT L"Tasks.MaintenanceTask"

#if 0
// Kept for reference: the entry point used before the task moved to Tasks.
#define OLD_TASK_ENTRY_POINT L"App.OldTask"
#endif

namespace CppCxBasic
{
    static Platform::String^ MaintenanceTaskName = L"MaintenanceTask";
    static Platform::String^ NetworkTaskName = L"NetworkTask";

    ref class BackgroundTaskConfig sealed
    {
    internal:
        static Windows::ApplicationModel::Background::BackgroundTaskRegistration^ RegisterBackgroundTask(
            Platform::String^ taskEntryPoint,
            Platform::String^ name,
            Windows::ApplicationModel::Background::IBackgroundTrigger^ trigger,
            Windows::ApplicationModel::Background::IBackgroundCondition^ condition);
    };
}
