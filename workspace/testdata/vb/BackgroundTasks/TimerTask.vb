Public NotInheritable Class TimerTask
End Class
