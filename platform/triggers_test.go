package platform

import (
	"slices"
	"testing"
)

func TestTriggerTaskTypes(t *testing.T) {
	tests := []struct {
		class     string
		ok        bool
		accepted  []string
		certain   bool
		namespace string
		inProc    bool
	}{
		{"TimeTrigger", true, []string{"timer"}, true, NSFoundation, true},
		{"Windows.ApplicationModel.Background.TimeTrigger", true, []string{"timer"}, true, NSFoundation, true},
		{"winrt::Windows::ApplicationModel::Background::TimeTrigger", true, []string{"timer"}, true, NSFoundation, true},
		{"PushNotificationTrigger", true, []string{"pushNotification"}, true, NSFoundation, true},
		{"LocationTrigger", true, []string{"location"}, true, NSFoundation, true},
		{"GeovisitTrigger", true, []string{"location"}, true, NSFoundation, true},
		{"BluetoothLEAdvertisementWatcherTrigger", true, []string{"bluetooth"}, true, NSFoundation, true},
		{"RfcommConnectionTrigger", true, []string{"bluetooth", "rfcommConnection"}, true, NSFoundation, true},
		{"GattServiceProviderTrigger", true, []string{"bluetooth"}, true, NSFoundation, true},
		{"DeviceUseTrigger", true, []string{"deviceUse"}, true, NSFoundation, false},
		{"SystemTrigger", true, []string{"systemEvent", "general"}, true, NSFoundation, true},
		{"ControlChannelTrigger", true, []string{"controlChannel"}, true, NSFoundation, true},
		{"ChatMessageNotificationTrigger", true, []string{"chatMessageNotification"}, true, NSUap, true},
		{"ChatMessageReceivedNotificationTrigger", true, []string{"chatMessageNotification"}, true, NSUap, true},
		{"PhoneTrigger", true, []string{"phoneCall"}, true, NSUap, true},
		{"MediaProcessingTrigger", true, []string{"mediaProcessing"}, true, NSUap, true},
		{"ApplicationTrigger", true, []string{"general", "systemEvent", "timer"}, false, NSFoundation, true},
		{"MaintenanceTrigger", true, []string{"general", "timer", "systemEvent"}, false, NSFoundation, true},
		{"ToastNotificationActionTrigger", true, []string{"systemEvent", "general"}, false, NSFoundation, true},
		{"SocketActivityTrigger", true, []string{"systemEvent", "general"}, false, NSFoundation, true},
		{"SensorDataThresholdTrigger", true, []string{"general", "systemEvent"}, false, NSFoundation, true},
		{"BackgroundTransferCompletionGroup.Trigger", true, []string{"systemEvent", "general"}, false, NSFoundation, true},
		// No documented task type: never reported.
		{"ContentPrefetchTrigger", false, nil, false, "", false},
		{"StorageLibraryContentChangedTrigger", false, nil, false, "", false},
		{"AppBroadcastTrigger", false, nil, false, "", false},
		{"DeviceServicingTrigger", false, nil, false, "", false},
		{"", false, nil, false, "", false},
		{"Trigger", false, nil, false, "", false},
	}
	for _, tt := range tests {
		info, ok := TriggerTaskTypes(tt.class)
		if ok != tt.ok {
			t.Errorf("TriggerTaskTypes(%q) ok = %v, want %v", tt.class, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if !slices.Equal(info.Accepted, tt.accepted) || info.Certain != tt.certain ||
			info.Namespace != tt.namespace || info.InProcessAllowed != tt.inProc {
			t.Errorf("TriggerTaskTypes(%q) = %+v, want accepted %v certain %v ns %q inproc %v",
				tt.class, info, tt.accepted, tt.certain, tt.namespace, tt.inProc)
		}
		if info.Source == "" {
			t.Errorf("TriggerTaskTypes(%q) has no source", tt.class)
		}
	}
}

// The preferred type must be a task type of the row's namespace, so a fix
// never inserts a value the schema rejects; the alternatives must exist
// somewhere (legacy namespaces included).
func TestTriggerTableTypesExist(t *testing.T) {
	for class, info := range triggerTable {
		if len(info.Accepted) == 0 {
			t.Errorf("%s: no accepted types", class)
		}
		if !slices.Contains(TaskTypes[info.Namespace], info.Accepted[0]) {
			t.Errorf("%s: %q is not a task type of %s", class, info.Accepted[0], info.Namespace)
		}
		for _, ty := range info.Accepted[1:] {
			known := false
			for _, types := range TaskTypes {
				known = known || slices.Contains(types, ty)
			}
			if !known {
				t.Errorf("%s: %q is not a task type of any namespace", class, ty)
			}
		}
	}
}

func TestTriggerInProcessAllowed(t *testing.T) {
	for class, want := range map[string]bool{
		"DeviceUseTrigger": false, "DeviceServicingTrigger": false,
		"Windows::ApplicationModel::Background::DeviceServicingTrigger^": false,
		"TimeTrigger": true, "ApplicationTrigger": true, "ContentPrefetchTrigger": true, "": true,
	} {
		if got := TriggerInProcessAllowed(class); got != want {
			t.Errorf("TriggerInProcessAllowed(%q) = %v, want %v", class, got, want)
		}
	}
}
