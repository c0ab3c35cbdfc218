Imports Windows.ApplicationModel.Background
Imports Windows.Storage

Namespace Fabrikam.Tasks
    Public NotInheritable Class CleanupTask
        Implements IBackgroundTask

        ' Both task classes name themselves the same way: a constant of one
        ' class is not a use of the other's.
        Public Shared ReadOnly Property TaskName As String = NameOf(CleanupTask)
        Public Shared ReadOnly Property EntryPointName As String = GetType(CleanupTask).FullName

        Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
            ApplicationData.Current.LocalSettings.Values(TaskName & ".LastRun") = DateTimeOffset.Now.ToString("o")
        End Sub
    End Class
End Namespace
