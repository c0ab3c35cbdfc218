Imports Windows.ApplicationModel.Activation
Imports Windows.UI.Xaml

Namespace ContosoSync
    NotInheritable Class App
        Inherits Application

        Protected Overrides Sub OnBackgroundActivated(args As BackgroundActivatedEventArgs)
            MyBase.OnBackgroundActivated(args)
            Dim deferral = args.TaskInstance.GetDeferral()
            Windows.Storage.ApplicationData.Current.LocalSettings.Values("LastSync") = "done"
            deferral.Complete()
        End Sub
    End Class
End Namespace
