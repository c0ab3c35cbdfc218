Namespace Model
    ' Friend: not exported to the component's .winmd.
    Friend NotInheritable Class SyncJournal
        ' Public, but nested in a Friend class, so Friend too.
        Public Class Keys
            Public Const LastSync As String = "LastSync"
        End Class
    End Class

    Public NotInheritable Class SyncHistory
    End Class
End Namespace
