#pragma once
namespace SDKSample
{
    ref class Config
    {
    internal:
        static Platform::String^ EntryPoint;
        static Windows::ApplicationModel::Background::BackgroundTaskRegistration^ Register(Platform::String^ entry, Platform::String^ name, Windows::ApplicationModel::Background::IBackgroundTrigger^ trigger);
    };
}
