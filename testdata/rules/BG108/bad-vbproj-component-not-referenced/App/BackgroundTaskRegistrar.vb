Imports Windows.ApplicationModel.Background

Public Module BackgroundTaskRegistrar
    Public Async Function RegisterAsync() As Task
        Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
        If status = BackgroundAccessStatus.DeniedByUser Then Return
        For Each registered In BackgroundTaskRegistration.AllTasks.Values
            If registered.Name = "SyncTask" Then Return
        Next
        Dim builder As New BackgroundTaskBuilder()
        builder.Name = "SyncTask"
        builder.TaskEntryPoint = "Fabrikam.Tasks.SyncTask"
        builder.SetTrigger(New TimeTrigger(15, False))
        builder.Register()
    End Function
End Module
