package platform

// builtInTaskClasses are the background-task classes that Windows itself
// ships (IBackgroundTask implementations in the Windows SDK's metadata),
// by simple name. An App names one as an entry point without defining it:
// WebSocketKeepAlive is the documented keep-alive task of a
// ControlChannelTrigger over a WebSocket, declared in the manifest like
// any other entry point (EntryPoint="Windows.Networking.Sockets.WebSocketKeepAlive").
var builtInTaskClasses = map[string]string{
	"WebSocketKeepAlive": "Windows.Networking.Sockets.WebSocketKeepAlive",
}

// BuiltInTaskClass returns the full name of the Windows background-task
// class with this simple name.
func BuiltInTaskClass(simple string) (string, bool) {
	full, ok := builtInTaskClasses[simple]
	return full, ok
}

// IsHostEntryPoint reports an entry point that names a host the platform
// provides rather than a class: "AgHost.BackgroundTask", the background
// agent host of a Windows Phone 8.1 Silverlight app, which runs the app's
// scheduled and audio agents.
func IsHostEntryPoint(name string) bool {
	return name == "AgHost.BackgroundTask"
}
