Imports Windows.ApplicationModel.Activation
Imports Windows.ApplicationModel.Background

Namespace PillClock
    NotInheritable Class App
        Inherits Windows.UI.Xaml.Application

        Public Shared Sub DropTasksStartingWith(prefix As String)
            For Each entry In BackgroundTaskRegistration.AllTasks
                If entry.Value.Name.StartsWith(prefix) Then entry.Value.Unregister(True)
            Next
        End Sub

        Protected Overrides Sub OnBackgroundActivated(args As BackgroundActivatedEventArgs)
            Dim deferral = args.TaskInstance.GetDeferral()
            Windows.Storage.ApplicationData.Current.LocalSettings.Values("lastWake") = args.TaskInstance.Task.Name
            deferral.Complete()
        End Sub
    End Class
End Namespace
