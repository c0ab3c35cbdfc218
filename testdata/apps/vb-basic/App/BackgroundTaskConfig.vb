Imports Windows.ApplicationModel.Background

''' <summary>Registers the app's background tasks once.</summary>
Public Module BackgroundTaskConfig
    Public Const SessionTaskEntryPoint As String = "Tasks.SessionTask"
    Public Const SessionTaskName As String = "SessionConnectedTask"
    Private Const RefreshTaskName = "RefreshTask"

    Public Async Function RegisterTasksAsync() As Task
        Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
        If status = BackgroundAccessStatus.DeniedByUser OrElse status = BackgroundAccessStatus.DeniedBySystemPolicy Then
            Return
        End If

        Dim registered As New HashSet(Of String)
        For Each existing In BackgroundTaskRegistration.AllTasks
            registered.Add(existing.Value.Name)
        Next

        If Not registered.Contains(SessionTaskName) Then
            Dim builder = New BackgroundTaskBuilder() With {
                .Name = SessionTaskName,
                .TaskEntryPoint = SessionTaskEntryPoint
            }
            builder.SetTrigger(New SystemTrigger(SystemTriggerType.SessionConnected, False))
            builder.Register()
        End If

        ' In-process: no TaskEntryPoint, App.OnBackgroundActivated handles it.
        If Not registered.Contains(RefreshTaskName) Then
            Dim refresh As New BackgroundTaskBuilder()
            refresh.Name = RefreshTaskName
            refresh.SetTrigger(New TimeTrigger(30, False))
            refresh.Register()
        End If
    End Function
End Module
