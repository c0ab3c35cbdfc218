package platform

import "strings"

// TriggerInfo says which manifest task types satisfy a trigger class.
type TriggerInfo struct {
	// Accepted are the task types (the Type attribute values) that satisfy
	// the trigger, the documented one first (messages name it, a fix inserts
	// it); later ones are alternatives Microsoft's own samples use.
	Accepted []string
	// Certain is true when the task type is documented and the platform
	// refuses the registration without one of Accepted. False for triggers
	// that Microsoft's own docs and samples declare in unrelated ways.
	Certain bool
	// Namespace is the manifest namespace of the accepted types: NSUap for
	// the uap:Task types, NSFoundation otherwise.
	Namespace string
	// InProcessAllowed is false for triggers that cannot run in the
	// single-process model (no TaskEntryPoint).
	InProcessAllowed bool
	// Source is the evidence for the row (see the shared reference, §2).
	Source string
}

// Evidence abbreviations (../shared/reference/background-tasks.md §2):
//
//	DOC-DECL  windows-dev-docs declare-background-tasks-in-the-application-manifest.md
//	SUP-DOC   windows-dev-docs support-your-app-with-background-tasks.md
//	SAMPLE:X  microsoft/Windows-universal-samples, Samples/X manifest + trigger code
//	SCHEMA    the XSD enumeration value only
func certain(taskType, source string, legacy ...string) TriggerInfo {
	return TriggerInfo{Accepted: append([]string{taskType}, legacy...), Certain: true, Namespace: NSFoundation, InProcessAllowed: true, Source: source}
}

func certainUap(taskType, source string) TriggerInfo {
	return TriggerInfo{Accepted: []string{taskType}, Certain: true, Namespace: NSUap, InProcessAllowed: true, Source: source}
}

func anyOf(source string, types ...string) TriggerInfo {
	return TriggerInfo{Accepted: types, Namespace: NSFoundation, InProcessAllowed: true, Source: source}
}

// triggerTable maps a trigger class's simple name to its task types. A
// trigger that is not listed (ContentPrefetchTrigger, StorageLibrary*,
// AppBroadcastTrigger, DeviceConnectionChangeTrigger, ...) has no
// documented task type and is never reported.
var triggerTable = map[string]TriggerInfo{
	// Documented one-to-one pairs: a missing type makes Register() throw.
	"TimeTrigger":                              certain("timer", "DOC-DECL; SAMPLE:BackgroundTask; SAMPLE:Geolocation"),
	"PushNotificationTrigger":                  certain("pushNotification", "DOC-DECL; schema"),
	"LocationTrigger":                          certain("location", "SAMPLE:Geolocation (GeofenceBackgroundTask)"),
	"GeovisitTrigger":                          certain("location", "SAMPLE:Geolocation (VisitBackgroundTask)"),
	"BluetoothLEAdvertisementWatcherTrigger":   certain("bluetooth", "SAMPLE:BluetoothAdvertisement (cs, vb, js)"),
	"BluetoothLEAdvertisementPublisherTrigger": certain("bluetooth", "SAMPLE:BluetoothAdvertisement"),
	// The Windows Phone 8.1 (2014 namespace) names stay accepted so that old
	// manifests are not reported.
	"RfcommConnectionTrigger": certain("bluetooth", "SAMPLE:BluetoothRfcommChat; 8.1: rfcommConnection", "rfcommConnection"),
	// Windows 10 folded the 8.1 gattCharacteristicNotification /
	// rfcommConnection types into "bluetooth" (schema).
	"GattCharacteristicNotificationTrigger": certain("bluetooth", "schema: bluetooth replaced the 8.1 Bluetooth types",
		"gattCharacteristicNotification"),
	"GattServiceProviderTrigger": certain("bluetooth", "schema: the only Bluetooth task type in Windows 10"),
	// archived SAMPLE:CommunicationBlockAndFilter registers a SystemTrigger
	// (SessionConnected) against an extension that declares only general.
	"SystemTrigger": {Accepted: []string{"systemEvent", "general"}, Certain: true, Namespace: NSFoundation, InProcessAllowed: true,
		Source: "DOC-DECL; SAMPLE:BackgroundTask; SAMPLE:EnterpriseDataProtection; general: archived SAMPLE:CommunicationBlockAndFilter"},
	"ControlChannelTrigger":          certain("controlChannel", "winrt-api backgroundaccessstatus.md; schema"),
	"ChatMessageNotificationTrigger": certainUap("chatMessageNotification", "archived SAMPLE:CommunicationBlockAndFilter"),
	"ChatMessageReceivedNotificationTrigger": certainUap("chatMessageNotification",
		"archived SAMPLE:CommunicationBlockAndFilter (MessageReceivedTask)"),
	"PhoneTrigger": certainUap("phoneCall", "archived SAMPLE:CommunicationBlockAndFilter (CallBlockedTask)"),
	"MediaProcessingTrigger": certainUap("mediaProcessing",
		"windows-dev-docs process-media-files-in-the-background.md (Media processing declaration)"),
	"DeviceUseTrigger": {Accepted: []string{"deviceUse"}, Certain: true, Namespace: NSFoundation,
		Source: "SAMPLE:BackgroundSensors; SAMPLE:CustomUsbDeviceAccess; SUP-DOC: not usable in-process"},

	// Windows Phone 8.1 only; Windows 10 folded its type into bluetooth.
	"BluetoothSignalStrengthTrigger": certain("bluetooth", "2014 schema: bluetoothSignalStrength", "bluetoothSignalStrength"),

	// Declared more than one way by Microsoft's own docs and samples: any
	// accepted type satisfies the trigger, a missing one is a warning.
	"ApplicationTrigger": anyOf("DOC-DECL declares general; SAMPLE:BackgroundTask registers it against systemEvent+timer",
		"general", "systemEvent", "timer"),
	"MaintenanceTrigger": anyOf("DOC-DECL declares general; Windows 8 guidance used timer; microsoft/MSIX-Labs declares systemEvent", "general", "timer", "systemEvent"),
	"ToastNotificationActionTrigger": anyOf("SAMPLE:Notifications declares systemEvent; docs and blogs use general",
		"systemEvent", "general"),
	"ToastNotificationHistoryChangedTrigger":      anyOf("SAMPLE:Notifications", "systemEvent", "general"),
	"CachedFileUpdaterTrigger":                    anyOf("SAMPLE:FilePickerContracts", "systemEvent", "general"),
	"SocketActivityTrigger":                       anyOf("SAMPLE:SocketActivityStreamSocket", "systemEvent", "general"),
	"CustomSystemEventTrigger":                    anyOf("SAMPLE:CustomCapability", "systemEvent", "general"),
	"DeviceWatcherTrigger":                        anyOf("SAMPLE:DeviceEnumerationAndPairing", "systemEvent", "general"),
	"SmartCardTrigger":                            anyOf("SAMPLE:Nfc (host card emulation)", "systemEvent", "general"),
	"NetworkOperatorHotspotAuthenticationTrigger": anyOf("SAMPLE:HotspotAuthentication", "systemEvent", "general"),
	"WiFiOnDemandHotspotConnectTrigger":           anyOf("SAMPLE:OnDemandHotspot", "systemEvent", "general"),
	"WiFiOnDemandHotspotUpdateMetadataTrigger":    anyOf("SAMPLE:OnDemandHotspot", "systemEvent", "general"),
	"BackgroundTransferCompletionGroupTrigger":    anyOf("SAMPLE:BackgroundTransfer (cpp/cs systemEvent, archived js general)", "systemEvent", "general"),
	"ActivitySensorTrigger":                       anyOf("SAMPLE:ActivitySensor", "general", "systemEvent"),
	"SensorDataThresholdTrigger":                  anyOf("SAMPLE:Pedometer; SAMPLE:ProximitySensor", "general", "systemEvent"),
	"SmsMessageReceivedTrigger":                   anyOf("SAMPLE:SmsSendAndReceive", "general", "systemEvent"),
	"CommunicationBlockingAppSetAsActiveTrigger":  anyOf("archived SAMPLE:CommunicationBlockAndFilter (ActivatedTask)", "general", "systemEvent"),
	"BackgroundTransferCompletionGroup.Trigger":   anyOf("SAMPLE:BackgroundTransfer (the group's Trigger property)", "systemEvent", "general"),
	"BackgroundTransferCompletionGroup::Trigger":  anyOf("SAMPLE:BackgroundTransfer (the group's Trigger property)", "systemEvent", "general"),
	"BackgroundTransferCompletionGroup->Trigger":  anyOf("SAMPLE:BackgroundTransfer (the group's Trigger property)", "systemEvent", "general"),
	"BackgroundTransferCompletionGroup.trigger":   anyOf("SAMPLE:BackgroundTransfer (the group's trigger property, JavaScript)", "systemEvent", "general"),
}

// notInProcess lists the triggers that cannot be used by a single-process
// (in-process) background task, whatever their task type. Source: SUP-DOC
// ("DeviceUseTrigger and DeviceServicingTrigger cannot be used with
// in-process background tasks") and the DeviceServicingTrigger API page
// ("This trigger can't be used with single-process background tasks").
var notInProcess = map[string]bool{
	"DeviceUseTrigger":       true,
	"DeviceServicingTrigger": true,
}

// TriggerTaskTypes returns the task types a trigger class needs. class may
// be qualified ("Windows.ApplicationModel.Background.TimeTrigger",
// "winrt::Windows::ApplicationModel::Background::TimeTrigger"); ok is false
// for a trigger without a documented task type, which callers must never
// report.
func TriggerTaskTypes(class string) (TriggerInfo, bool) {
	if info, ok := triggerTable[class]; ok {
		return info, true
	}
	info, ok := triggerTable[SimpleTriggerName(class)]
	return info, ok
}

// TriggerInProcessAllowed reports whether a trigger class may be used by an
// in-process registration (one without TaskEntryPoint).
func TriggerInProcessAllowed(class string) bool {
	return !notInProcess[SimpleTriggerName(class)]
}

// SimpleTriggerName strips a namespace qualification ("Ns.X", "Ns::X",
// "global::Ns.X", a C++/CX "^") from a trigger class name.
func SimpleTriggerName(class string) string {
	s := strings.TrimSpace(class)
	s = strings.TrimSuffix(s, "^")
	if i := strings.LastIndex(s, "::"); i >= 0 {
		s = s[i+2:]
	}
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	return s
}
