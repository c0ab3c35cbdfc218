Namespace Model
    ' Read by the app to show when the last sync ran.
    Public Class SyncOptions
        Public ReadOnly Property LastSyncKey As String = "LastSync"
    End Class

    Public NotInheritable Class SyncHistory
    End Class
End Namespace
