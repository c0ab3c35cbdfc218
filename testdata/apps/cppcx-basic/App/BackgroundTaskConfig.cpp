#include "pch.h"
#include "BackgroundTaskConfig.h"

using namespace CppCxBasic;
using namespace Platform;
using namespace Windows::ApplicationModel::Background;

BackgroundTaskRegistration^ BackgroundTaskConfig::RegisterBackgroundTask(
    String^ taskEntryPoint, String^ name, IBackgroundTrigger^ trigger, IBackgroundCondition^ condition)
{
    // Reuse an existing registration with the same name.
    auto iter = BackgroundTaskRegistration::AllTasks->First();
    while (iter->HasCurrent)
    {
        auto existing = iter->Current->Value;
        if (existing->Name == name)
        {
            return safe_cast<BackgroundTaskRegistration^>(existing);
        }
        iter->MoveNext();
    }

    auto builder = ref new BackgroundTaskBuilder();
    builder->Name = name;
    builder->TaskEntryPoint = taskEntryPoint;
    builder->SetTrigger(trigger);
    if (condition != nullptr)
    {
        builder->AddCondition(condition);
    }
    return builder->Register();
}
