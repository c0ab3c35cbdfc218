NotInheritable Class App
    Inherits Application

    Protected Overrides Async Sub OnLaunched(e As Windows.ApplicationModel.Activation.LaunchActivatedEventArgs)
        Await Fabrikam.Notes.BackgroundTaskConfig.RegisterAsync()
    End Sub
End Class
