Imports System.Threading.Tasks
Imports Windows.ApplicationModel.Background
Imports Windows.Storage
Imports Windows.System.Threading

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            TaskRunner.RunWithDeferral(taskInstance, Async Function() Await SyncAsync())
            TaskRunner.RunWithDeferral(taskInstance,
                Async Function()
                    Dim folder = ApplicationData.Current.LocalFolder
                    Await folder.CreateFileAsync("done.txt", CreationCollisionOption.ReplaceExisting)
                End Function)
        End Sub

        Private Shared Function SyncAsync() As Task
            Return Task.Delay(TimeSpan.FromSeconds(1))
        End Function
    End Class

    Friend Module TaskRunner
        Public Async Sub RunWithDeferral(taskInstance As IBackgroundTaskInstance, work As Func(Of Task))
            Dim deferral = taskInstance.GetDeferral()
            Try
                Await work()
            Finally
                deferral.Complete()
            End Try
        End Sub
    End Module
End Namespace
