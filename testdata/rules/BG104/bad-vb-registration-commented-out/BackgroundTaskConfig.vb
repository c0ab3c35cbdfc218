Imports Windows.ApplicationModel.Background

Namespace Fabrikam.Notes
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

            ' Dim cleanup As New BackgroundTaskBuilder()
            ' cleanup.TaskEntryPoint = "Fabrikam.Tasks.CleanupTask"
            REM cleanup.Register()
#If False Then
            RegisterLater(GetType(Fabrikam.Tasks.CleanupTask).FullName)
#End If
        End Function
    End Module
End Namespace
