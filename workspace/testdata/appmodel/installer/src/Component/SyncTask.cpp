#include "pch.h"
namespace winrt::Contoso::Component::implementation
{
    void SyncTask::Run(Windows::ApplicationModel::Background::IBackgroundTaskInstance const&) {}
}
