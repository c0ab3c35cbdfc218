NotInheritable Class App
    Inherits Application

    Protected Overrides Sub OnLaunched(e As Windows.ApplicationModel.Activation.LaunchActivatedEventArgs)
        ' the refresh task is off until the notes sync is back
        ' RegisterRefreshAsync()
    End Sub
End Class
