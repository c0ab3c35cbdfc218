Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background

Namespace ContosoSync
    Public Module BackgroundTaskRegistrar
        Public Async Function RegisterAsync() As Task
            Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
            If status = BackgroundAccessStatus.DeniedByUser OrElse
               status = BackgroundAccessStatus.DeniedBySystemPolicy Then
                Return
            End If

            For Each registered In BackgroundTaskRegistration.AllTasks.Values
                If registered.Name = "SyncTask" Then
                    Return
                End If
            Next

            Dim builder As New BackgroundTaskBuilder With {
                .Name = "SyncTask",
                .TaskEntryPoint = "Tasks.SyncTask"
            }
            builder.SetTrigger(New TimeTrigger(15, False))
            builder.Register()
        End Function
    End Module
End Namespace
