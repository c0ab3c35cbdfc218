#include "pch.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Background;

struct __declspec(uuid("0AE3E4A2-6F5B-4C1D-9E8F-7A6B5C4D3E2F")) ComTask : winrt::implements<ComTask, IBackgroundTask>
{
    void Run(IBackgroundTaskInstance const& taskInstance)
    {
        auto deferral{ taskInstance.GetDeferral() };
        deferral.Complete();
    }
};

static constexpr GUID OtherId{ 0x1, 0x2, 0x3, { 0, 0, 0, 0, 0, 0, 0, 4 } };

void RegisterCom()
{
    BackgroundTaskBuilder builder;
    builder.SetTaskEntryPointClsid(__uuidof(ComTask));
    builder.SetTrigger(TimeTrigger(15, false));
    builder.Register();

    BackgroundTaskBuilder numeric;
    numeric.SetTaskEntryPointClsid(OtherId);
    numeric.SetTrigger(TimeTrigger(15, false));
    numeric.Register();

    BackgroundTaskBuilder viaGuidOf;
    viaGuidOf.SetTaskEntryPointClsid(winrt::guid_of<ComTask>());
    viaGuidOf.SetTrigger(TimeTrigger(30, false));
    viaGuidOf.Register();
}
