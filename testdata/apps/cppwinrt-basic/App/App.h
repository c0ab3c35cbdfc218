#pragma once
#include "App.xaml.g.h"

namespace winrt::CppWinRTBasic::implementation
{
    struct App : AppT<App>
    {
        App();

        void OnLaunched(Windows::ApplicationModel::Activation::LaunchActivatedEventArgs const&);

    private:
        Windows::Foundation::IAsyncAction RegisterBackgroundTasksAsync();
    };
}
