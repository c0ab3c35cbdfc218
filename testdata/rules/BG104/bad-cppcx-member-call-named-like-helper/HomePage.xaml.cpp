#include "pch.h"
#include "HomePage.xaml.h"
#include "TaskScheduling.h"

using namespace Platform;
using namespace Windows::ApplicationModel::Background;

namespace Northwind
{
    namespace Ferry
    {
        HomePage::HomePage()
        {
            // calls HomePage::PlanBackgroundTask, not the helper
            this->PlanBackgroundTask();
        }

        void HomePage::PlanBackgroundTask()
        {
            for (auto entry : BackgroundTaskRegistration::AllTasks)
            {
                if (entry->Value->Name == L"Timetable")
                {
                    return;
                }
            }
            create_task(BackgroundExecutionManager::RequestAccessAsync()).then([](BackgroundAccessStatus status)
            {
                TaskScheduling::PlanBackgroundTask(L"Northwind.Tasks.TimetableTask", L"Timetable", ref new TimeTrigger(30, false));
            });
        }
    }
}
