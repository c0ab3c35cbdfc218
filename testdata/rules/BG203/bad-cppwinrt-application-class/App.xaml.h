#pragma once
#include "App.xaml.g.h"

namespace winrt::ContosoSync::implementation
{
    struct App : AppT<App>
    {
        App();
        void OnBackgroundActivated(winrt::Windows::ApplicationModel::Activation::BackgroundActivatedEventArgs const& args);
    };
}
