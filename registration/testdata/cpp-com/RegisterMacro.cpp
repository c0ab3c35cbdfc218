#include "pch.h"
#include "MacroTask.h"

void RegisterMacroTask()
{
    winrt::Microsoft::Windows::ApplicationModel::Background::BackgroundTaskBuilder builder;
    SystemTrigger trigger = SystemTrigger(SystemTriggerType::TimeZoneChange, false);
    auto backgroundTrigger = trigger.as<IBackgroundTrigger>();
    builder.SetTrigger(backgroundTrigger);
    builder.SetTaskEntryPointClsid(__uuidof(winrt::ComSample::MacroTask));
    builder.Register();
}
