Imports Windows.ApplicationModel.Background

Namespace Fabrikam.Notes
    Friend Module BackgroundTaskConfig
        Public Async Function RegisterAsync() As Task
            Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
            If status = BackgroundAccessStatus.DeniedByUser Then
                Return
            End If

            Register(New TimeTrigger(30, False), Fabrikam.Tasks.SyncTask.TaskName, Fabrikam.Tasks.SyncTask.EntryPointName)
            Prepare(New MaintenanceTrigger(24 * 60, False), Fabrikam.Tasks.CleanupTask.TaskName, Fabrikam.Tasks.CleanupTask.EntryPointName)
        End Function

        Public Sub Unregister(name As String)
            For Each registered In BackgroundTaskRegistration.AllTasks.Values
                If registered.Name = name Then registered.Unregister(True)
            Next
        End Sub

        Private Function Register(trigger As IBackgroundTrigger, name As String, entryPoint As String) As BackgroundTaskRegistration
            Dim builder As New BackgroundTaskBuilder With {.Name = name, .TaskEntryPoint = entryPoint}
            builder.SetTrigger(trigger)
            Return builder.Register()
        End Function

        ' Its Register() call was lost: the builder is configured and dropped.
        Private Sub Prepare(trigger As IBackgroundTrigger, name As String, entryPoint As String)
            Dim builder As New BackgroundTaskBuilder With {
                .Name = name,
                .TaskEntryPoint = entryPoint
            }
            builder.SetTrigger(trigger)
        End Sub
    End Module
End Namespace
