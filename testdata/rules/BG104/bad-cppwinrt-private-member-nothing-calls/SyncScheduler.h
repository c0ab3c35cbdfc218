#pragma once

namespace winrt::Fabrikam::Notes
{
    class SyncScheduler
    {
    public:
        void Start();

    private:
        void RegisterSyncTask();
    };
}
