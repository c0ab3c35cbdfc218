#pragma once
#include "App.xaml.g.h"

namespace winrt::Fabrikam::Notes::implementation
{
    struct App : AppT<App>
    {
        App();
        void OnLaunched(Windows::ApplicationModel::Activation::LaunchActivatedEventArgs const&);
    };
}
