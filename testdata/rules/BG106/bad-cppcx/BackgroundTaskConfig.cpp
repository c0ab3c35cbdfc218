#include "pch.h"
#include "BackgroundTaskConfig.h"

using namespace Platform;
using namespace Windows::ApplicationModel::Background;

namespace Fabrikam
{
    namespace Notes
    {
        void BackgroundTaskConfig::Register()
        {
            BackgroundExecutionManager::RequestAccessAsync();
            for (auto pair : BackgroundTaskRegistration::AllTasks)
            {
                pair->Value->Unregister(true);
            }

            auto builder = ref new BackgroundTaskBuilder();
            builder->Name = L"NotesRefresh";
            builder->SetTrigger(ref new TimeTrigger(30, false));
            builder->Register();
        }
    }
}
