package platform

import (
	"slices"
	"testing"
)

func TestTriggersForTaskType(t *testing.T) {
	names := func(tt []TaskTypeTrigger) []string {
		var out []string
		for _, x := range tt {
			out = append(out, x.Trigger)
		}
		return out
	}
	timer := names(TriggersForTaskType("timer"))
	if len(timer) == 0 || timer[0] != "TimeTrigger" {
		t.Fatalf("timer: want TimeTrigger first (the only certain one), got %v", timer)
	}
	for _, want := range []string{"MaintenanceTrigger", "ApplicationTrigger"} {
		if !slices.Contains(timer, want) {
			t.Errorf("timer: %s accepts timer but is missing from %v", want, timer)
		}
	}
	if slices.Contains(timer, "PushNotificationTrigger") {
		t.Errorf("timer: PushNotificationTrigger does not accept timer: %v", timer)
	}
	sys := names(TriggersForTaskType("systemEvent"))
	if n := countPrefix(sys, "BackgroundTransferCompletionGroup"); n != 1 {
		t.Errorf("systemEvent: the completion group's trigger should be listed once, got %d in %v", n, sys)
	}
	if got := TriggersForTaskType("noSuchType"); len(got) != 0 {
		t.Errorf("unknown task type: want no triggers, got %v", names(got))
	}
	for _, tr := range TriggersForTaskType("bluetooth") {
		if info, ok := TriggerTaskTypes(tr.Trigger); !ok || !slices.Contains(info.Accepted, "bluetooth") {
			t.Errorf("bluetooth lists %s, whose table row does not accept bluetooth", tr.Trigger)
		}
	}
}

func countPrefix(s []string, prefix string) int {
	n := 0
	for _, x := range s {
		if len(x) >= len(prefix) && x[:len(prefix)] == prefix {
			n++
		}
	}
	return n
}
