// Package platform holds the facts about the Windows background-task
// platform that several packages need: manifest namespaces, the task types
// each namespace allows, and which task types each trigger needs.
// Sources are cited in ../shared/reference/background-tasks.md.
package platform

import (
	"bytes"
	"strings"
)

// Namespace URIs of the manifest schemas bgmanifest cares about.
const (
	NSFoundation = "http://schemas.microsoft.com/appx/manifest/foundation/windows10"
	NSUap        = "http://schemas.microsoft.com/appx/manifest/uap/windows10"
	NSIot        = "http://schemas.microsoft.com/appx/manifest/iot/windows10"
	NSCom        = "http://schemas.microsoft.com/appx/manifest/com/windows10"
	NSRescap     = "http://schemas.microsoft.com/appx/manifest/foundation/windows10/restrictedcapabilities"
	NSDesktop    = "http://schemas.microsoft.com/appx/manifest/desktop/windows10"
	NS2010       = "http://schemas.microsoft.com/appx/2010/manifest"
	NS2013       = "http://schemas.microsoft.com/appx/2013/manifest"
	NS2014       = "http://schemas.microsoft.com/appx/2014/manifest"
	// NSPhone is the namespace of mp:PhoneIdentity, which every Windows
	// Phone 8.1 manifest carries (and Windows 10 templates keep).
	NSPhone = "http://schemas.microsoft.com/appx/2014/phone/manifest"
)

// IsPhoneManifest reports whether a manifest's text declares the Windows
// Phone namespaces (the phone identity's, or the 2014 one only Windows
// Phone 8.1 defines). Only meaningful for a manifest whose root is in the
// 2010 namespace: it tells a Windows Phone 8.1 app from a Windows 8.1 one.
func IsPhoneManifest(text []byte) bool {
	return bytes.Contains(text, []byte(NSPhone)) || bytes.Contains(text, []byte(NS2014))
}

// TaskTypes maps the namespace of a Task element to the Type values it
// allows (XSD enumerations, case-sensitive).
var TaskTypes = map[string][]string{
	NSFoundation: {"general", "audio", "controlChannel", "systemEvent", "timer", "pushNotification", "location", "deviceUse", "deviceServicing", "deviceConnectionChange", "bluetooth"},
	NSUap:        {"chatMessageNotification", "vpnClient", "phoneCall", "mediaProcessing"},
	NSIot:        {"startup"},
	NS2010:       {"audio", "controlChannel", "systemEvent", "timer", "pushNotification"},
	NS2013:       {"location", "deviceUse", "deviceServicing"},
	NS2014:       {"chatMessageNotification", "rfcommConnection", "deviceConnectionChange", "bluetoothSignalStrength", "gattCharacteristicNotification"},
}

// NamespacePrefix is the conventional prefix used in messages and fixes.
var NamespacePrefix = map[string]string{
	NSFoundation: "",
	NSUap:        "uap",
	NSIot:        "iot",
	NS2010:       "",
	NS2013:       "m2",
	NS2014:       "m3",
}

// IsTaskNamespace reports whether a Task element in namespace ns is a
// background task declaration.
func IsTaskNamespace(ns string) bool {
	_, ok := TaskTypes[ns]
	return ok
}

// TaskTypeNamespace returns the Windows 10 namespace in which task type t is
// valid ("" when t is not a Windows 10 task type).
func TaskTypeNamespace(t string) string {
	for _, ns := range []string{NSFoundation, NSUap, NSIot} {
		for _, v := range TaskTypes[ns] {
			if v == t {
				return ns
			}
		}
	}
	return ""
}

// AllTaskTypes lists every Windows 10 task type (for "did you mean").
func AllTaskTypes() []string {
	var out []string
	for _, ns := range []string{NSFoundation, NSUap, NSIot} {
		out = append(out, TaskTypes[ns]...)
	}
	return out
}

// IsUapNamespace reports whether ns is the uap namespace or one of its
// numbered successors (uap2 ... uap18).
func IsUapNamespace(ns string) bool {
	return ns == NSUap || strings.HasPrefix(ns, NSUap+"/")
}

// NSUap4 declares uap4:SupportsMultipleInstances on BackgroundTasks.
const NSUap4 = NSUap + "/4"

// IsComNamespace reports whether ns is the com namespace or one of its
// numbered successors (com2 ... com4).
func IsComNamespace(ns string) bool {
	return ns == NSCom || strings.HasPrefix(ns, NSCom+"/")
}

// IsLegacyTaskNamespace reports whether ns is one of the Windows 8.x
// manifest namespaces (2010, 2013, 2014).
func IsLegacyTaskNamespace(ns string) bool {
	return ns == NS2010 || ns == NS2013 || ns == NS2014
}

// SiblingTaskNamespaces lists the Task namespaces a manifest of ns's era
// can use: the Windows 10 three (foundation, uap, iot) or the Windows 8.x
// three. "Did you mean" and "needs uap:Task" look only there.
func SiblingTaskNamespaces(ns string) []string {
	if IsLegacyTaskNamespace(ns) {
		return []string{NS2010, NS2013, NS2014}
	}
	return []string{NSFoundation, NSUap, NSIot}
}

// TaskElementName is how the Task element of namespace ns is usually
// written: "Task", "uap:Task", "iot:Task", "m2:Task".
func TaskElementName(ns string) string {
	if p := NamespacePrefix[ns]; p != "" {
		return p + ":Task"
	}
	return "Task"
}
