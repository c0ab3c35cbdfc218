Imports System.Linq
Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background

Namespace ContosoSync
    Public Module BackgroundTaskRegistrar
        Public Async Function RegisterAsync() As Task
            Await BackgroundExecutionManager.RequestAccessAsync()

            If Not BackgroundTaskRegistration.AllTasks.Values.Any(Function(t) t.Name = "SyncTask") Then
                Dim quarter As New BackgroundTaskBuilder With {
                    .Name = "SyncTask",
                    .TaskEntryPoint = "Tasks.SyncTask"
                }
                quarter.SetTrigger(New TimeTrigger(15, False))
                quarter.Register()

                Dim hourly As New BackgroundTaskBuilder With {
                    .Name = "SyncTaskHourly",
                    .TaskEntryPoint = "Tasks.SyncTask"
                }
                hourly.SetTrigger(New TimeTrigger(60, False))
                hourly.Register()
            End If
        End Function
    End Module
End Namespace
