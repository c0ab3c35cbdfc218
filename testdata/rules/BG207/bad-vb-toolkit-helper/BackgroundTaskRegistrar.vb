Imports Microsoft.Toolkit.Uwp.Helpers
Imports Windows.ApplicationModel.Background

Namespace ContosoSync
    Public Module BackgroundTaskRegistrar
        Public Sub RegisterTasks()
            BackgroundTaskHelper.Register("SyncTask", "Tasks.SyncTask", New TimeTrigger(15, False))
        End Sub
    End Module
End Namespace
