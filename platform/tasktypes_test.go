package platform

import "testing"

func TestTaskTypeTables(t *testing.T) {
	counts := map[string]int{NSFoundation: 11, NSUap: 4, NSIot: 1, NS2010: 5, NS2013: 3, NS2014: 5}
	for ns, want := range counts {
		if got := len(TaskTypes[ns]); got != want {
			t.Errorf("%s has %d task types, want %d", ns, got, want)
		}
		if !IsTaskNamespace(ns) {
			t.Errorf("IsTaskNamespace(%s) = false", ns)
		}
	}
	cases := []struct{ typ, ns string }{
		{"timer", NSFoundation}, {"mediaProcessing", NSUap}, {"startup", NSIot}, {"rfcommConnection", ""}, {"Timer", ""},
	}
	for _, c := range cases {
		if got := TaskTypeNamespace(c.typ); got != c.ns {
			t.Errorf("TaskTypeNamespace(%q) = %q, want %q", c.typ, got, c.ns)
		}
	}
	if n := len(AllTaskTypes()); n != 16 {
		t.Errorf("AllTaskTypes has %d, want 16", n)
	}
}

func TestNamespaceHelpers(t *testing.T) {
	if !IsUapNamespace(NSUap4) || !IsUapNamespace(NSUap) || IsUapNamespace(NSUap+"x") {
		t.Error("IsUapNamespace")
	}
	if !IsComNamespace(NSCom+"/2") || !IsComNamespace(NSCom) || IsComNamespace(NSFoundation) {
		t.Error("IsComNamespace")
	}
	if got := SiblingTaskNamespaces(NS2013); got[0] != NS2010 {
		t.Errorf("SiblingTaskNamespaces(2013) = %v", got)
	}
	if got := SiblingTaskNamespaces(NSIot); got[1] != NSUap {
		t.Errorf("SiblingTaskNamespaces(iot) = %v", got)
	}
	names := map[string]string{NSFoundation: "Task", NSUap: "uap:Task", NSIot: "iot:Task", NS2010: "Task", NS2013: "m2:Task", NS2014: "m3:Task"}
	for ns, want := range names {
		if got := TaskElementName(ns); got != want {
			t.Errorf("TaskElementName(%s) = %q, want %q", ns, got, want)
		}
	}
}

func TestIsHostEntryPoint(t *testing.T) {
	for name, want := range map[string]bool{"AgHost.BackgroundTask": true, "agHost.BackgroundTask": false, "Tasks.BackgroundTask": false, "": false} {
		if got := IsHostEntryPoint(name); got != want {
			t.Errorf("IsHostEntryPoint(%q) = %v, want %v", name, got, want)
		}
	}
}
