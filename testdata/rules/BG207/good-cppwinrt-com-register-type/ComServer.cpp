#include "pch.h"
#include "ComServer.h"

namespace ContosoSync
{
    // Registers the COM class factories of the out-of-process server.
    void ComServer::Start()
    {
        auto registerType = ClassFactoryRegistration(__uuidof(SyncTaskFactory));
        registerType.Register();
    }
}
