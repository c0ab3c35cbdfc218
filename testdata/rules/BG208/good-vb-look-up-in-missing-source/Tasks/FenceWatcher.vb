Imports Windows.ApplicationModel.Background

Public NotInheritable Class FenceWatcher
    Implements IBackgroundTask

    Public Sub Run(taskInstance As IBackgroundTaskInstance) Implements IBackgroundTask.Run
        Dim reports = Windows.Devices.Geolocation.Geofencing.GeofenceMonitor.Current.ReadReports()
        Windows.Storage.ApplicationData.Current.LocalSettings.Values("fenceReports") = reports.Count
    End Sub
End Class
