Imports System.Net.Http
Imports Windows.ApplicationModel.Background
Imports Windows.Storage

Namespace Tasks
    Public NotInheritable Class SyncTask
        Implements IBackgroundTask

        Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            Await SyncAsync()
        End Sub

        Private Shared Async Function SyncAsync() As Task
            Using client As New HttpClient()
                Dim body = Await client.GetStringAsync(New Uri("https://contoso.example/sync"))
                Dim file = Await ApplicationData.Current.LocalFolder.CreateFileAsync("sync.json", CreationCollisionOption.ReplaceExisting)
                Await FileIO.WriteTextAsync(file, body)
            End Using
        End Function
    End Class
End Namespace
