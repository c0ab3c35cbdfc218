Imports Windows.ApplicationModel.Background
Imports Windows.Storage

''' <summary>Clears temporary files when the user signs in.</summary>
Public NotInheritable Class SessionTask
    Implements IBackgroundTask

    Public Async Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        ' Take the deferral before awaiting, complete it when done.
        Dim deferral = taskInstance.GetDeferral()
        Try
            Await ApplicationData.Current.ClearAsync(ApplicationDataLocality.Temporary)
        Finally
            deferral.Complete()
        End Try
    End Sub
End Class
