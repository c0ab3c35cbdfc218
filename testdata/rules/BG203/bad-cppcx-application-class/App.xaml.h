#pragma once
#include "App.g.h"

namespace ContosoSync
{
    ref class App sealed
    {
    public:
        App();
    protected:
        virtual void OnBackgroundActivated(Windows::ApplicationModel::Activation::BackgroundActivatedEventArgs^ args) override;
    };
}
