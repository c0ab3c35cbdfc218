Imports Windows.ApplicationModel.Activation
Imports Windows.ApplicationModel.Background

''' <summary>The application object.</summary>
NotInheritable Class App
    Inherits Application

    Protected Overrides Async Sub OnLaunched(e As LaunchActivatedEventArgs)
        Dim rootFrame = TryCast(Window.Current.Content, Frame)
        If rootFrame Is Nothing Then
            rootFrame = New Frame()
            Window.Current.Content = rootFrame
        End If
        Window.Current.Activate()
        Await BackgroundTaskConfig.RegisterTasksAsync()
    End Sub

    ' The in-process task (registered without an entry point) runs here.
    Protected Overrides Sub OnBackgroundActivated(args As BackgroundActivatedEventArgs)
        Dim deferral = args.TaskInstance.GetDeferral()
        Try
            Windows.Storage.ApplicationData.Current.LocalSettings.Values("LastRefresh") = DateTimeOffset.Now.ToString("o")
        Finally
            deferral.Complete()
        End Try
    End Sub
End Class
