#include "pch.h"
#include "Config.h"

using namespace SDKSample;
using namespace Platform;
using namespace Windows::ApplicationModel::Background;

String^ Config::EntryPoint = "Tasks.CxTask";

BackgroundTaskRegistration^ Config::Register(String^ entry, String^ name, IBackgroundTrigger^ trigger)
{
    auto builder = ref new BackgroundTaskBuilder();
    builder->Name = name;
    builder->TaskEntryPoint = entry;
    builder->SetTrigger(trigger);
    return builder->Register();
}

void Scenario::Start()
{
    auto trigger = ref new TimeTrigger(20, false);
    Config::Register(Config::EntryPoint, "cx", trigger);
    Config::Register("Tasks.Second" /* a comment ) , inside */, "two", ref new SystemTrigger(SystemTriggerType::SessionConnected, false));
}
