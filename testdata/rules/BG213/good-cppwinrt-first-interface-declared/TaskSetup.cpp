#include "pch.h"
#include "SyncTask.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;

namespace Contoso::Sync
{
    void RegisterSyncTask()
    {
        for (auto const& registered : BackgroundTaskRegistration::AllTasks())
        {
            if (registered.Value().Name() == L"ContosoSync")
            {
                return;
            }
        }
        winrt::Microsoft::Windows::ApplicationModel::Background::BackgroundTaskBuilder builder;
        builder.Name(L"ContosoSync");
        builder.SetTrigger(TimeTrigger(30, false));
        builder.SetTaskEntryPointClsid(winrt::guid_of<SyncTask>());
        builder.Register();
    }

    void ServeSyncTask()
    {
        DWORD cookie{};
        auto factory = winrt::make<SyncTaskFactory>();
        winrt::check_hresult(::CoRegisterClassObject(winrt::guid_of<SyncTask>(), factory.get(), CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, &cookie));
    }
}
