#include "pch.h"
#include "App.h"

using namespace winrt;
using namespace winrt::Windows::ApplicationModel::Activation;

namespace winrt::Fabrikam::Notes::implementation
{
    void App::OnBackgroundActivated(BackgroundActivatedEventArgs const& args)
    {
        auto deferral = args.TaskInstance().GetDeferral();
        Windows::Storage::ApplicationData::Current().LocalSettings().Values().Insert(L"LastRefresh", box_value(L"done"));
        deferral.Complete();
    }
}
