Imports Windows.ApplicationModel.Activation
Imports Windows.ApplicationModel.Background

NotInheritable Class App
    Inherits Application

    Protected Overrides Async Sub OnLaunched(e As LaunchActivatedEventArgs)
        Dim status = Await BackgroundExecutionManager.RequestAccessAsync()
        If status = BackgroundAccessStatus.DeniedByUser Then Return
        For Each registered In BackgroundTaskRegistration.AllTasks.Values
            registered.Unregister(True)
        Next
        Dim builder As New BackgroundTaskBuilder With {.Name = "CampusLogOn"}
        builder.SetTrigger(New SystemTrigger(SystemTriggerType.NetworkStateChange, False))
        builder.Register()
    End Sub

    ' Logs on to the campus network when the network changes. The override
    ' returns at its first Await, and it never takes a deferral.
    Protected Overrides Async Sub OnBackgroundActivated(args As BackgroundActivatedEventArgs)
        MyBase.OnBackgroundActivated(args)
        Dim ok = Await CampusNetwork.LogOnAsync()
        Windows.Storage.ApplicationData.Current.LocalSettings.Values("LastLogOn") = ok
    End Sub
End Class
