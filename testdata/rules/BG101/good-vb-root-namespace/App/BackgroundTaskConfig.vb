Imports Windows.ApplicationModel.Background

' The project's RootNamespace (Fabrikam.Notes) is this module's namespace.
Friend Module BackgroundTaskConfig
    Public Async Function RegisterAsync() As Task
        Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
        If status = BackgroundAccessStatus.DeniedByUser Then
            Return
        End If

        For Each registered In BackgroundTaskRegistration.AllTasks.Values
            registered.Unregister(True)
        Next

        Dim builder As New BackgroundTaskBuilder()
        builder.Name = "NotesSync"
        builder.TaskEntryPoint = "Fabrikam.Tasks.SyncTask"
        builder.SetTrigger(New TimeTrigger(30, False))
        builder.Register()
    End Function
End Module
