package registration

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestNestedClassVisibility: a nested class is visible outside its
// assembly only when every class around it is (C# internal and private, VB
// Friend and Private hide what they hold), and a container's public part
// may sit in another file.
func TestNestedClassVisibility(t *testing.T) {
	const task = "namespace N { public sealed class T : Windows.ApplicationModel.Background.IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } } }\n"
	const vbTask = "Namespace N\n    Public NotInheritable Class T\n        Implements IBackgroundTask\n        Public Sub Run(i As IBackgroundTaskInstance) Implements IBackgroundTask.Run\n        End Sub\n    End Class\nEnd Namespace\n"
	cases := []struct {
		name  string
		files map[string]string
		named []string // entry points named by the caller
		want  string   // every task class but N.T: name public/hidden-by
	}{
		{"C# public class in an internal class", map[string]string{"a.cs": task +
			"namespace N { internal sealed class Log { public class Flags { } } }"},
			nil, ""},
		{"C# public class in a class without modifier", map[string]string{"a.cs": task +
			"namespace N { sealed class Log { public class Flags { } } }"},
			nil, ""},
		{"C# public class in a public class", map[string]string{"a.cs": task +
			"namespace N { public sealed class Log { public class Flags { } } }"},
			nil, "N.Log.Flags public"},
		{"C# private class between two public ones", map[string]string{"a.cs": task +
			"namespace N { public sealed class Log { sealed class Inner { public class Flags { } } } }"},
			nil, ""},
		{"C# a hidden class named as an entry point says what hides it", map[string]string{"a.cs": task +
			"namespace N { internal static class Tasks { public sealed class Sync { } } }"},
			[]string{"N.Tasks.Sync"}, "N.Tasks.Sync hidden by N.Tasks"},
		{"C# the container's public part is in another file", map[string]string{
			"a.cs": task + "namespace N { partial class Log { public class Flags { } } }",
			"b.cs": "namespace N { public sealed partial class Log { } }"},
			nil, "N.Log.Flags public"},
		{"C# no part of the container says public", map[string]string{
			"a.cs": task + "namespace N { partial class Log { public class Flags { } } }",
			"b.cs": "namespace N { sealed partial class Log { } }"},
			nil, ""},
		{"VB Public class in a Friend class", map[string]string{"a.vb": vbTask +
			"Namespace N\n    Friend NotInheritable Class Log\n        Public Class Flags\n        End Class\n    End Class\nEnd Namespace\n"},
			nil, ""},
		{"VB Public class in a Public class", map[string]string{"a.vb": vbTask +
			"Namespace N\n    Public NotInheritable Class Log\n        Public Class Flags\n        End Class\n    End Class\nEnd Namespace\n"},
			nil, "N.Log.Flags public"},
		{"VB Public class in a Module without modifier", map[string]string{"a.vb": vbTask +
			"Namespace N\n    Module Log\n        Public Class Flags\n        End Class\n    End Module\nEnd Namespace\n"},
			nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var sfs []SourceFile
			overlay := map[string][]byte{}
			for p, src := range tc.files {
				lang, _ := LanguageOf(p)
				sfs = append(sfs, SourceFile{Path: p, Language: lang, Project: "Tasks.csproj"})
				overlay[p] = []byte(src)
			}
			sort.Slice(sfs, func(i, j int) bool { return sfs[i].Path < sfs[j].Path })
			f := ScanWithOverlay(sfs, overlay, Options{Jobs: 1, EntryPoints: tc.named})
			var got []string
			for _, c := range f.TaskClasses {
				if c.Name == "N.T" {
					continue
				}
				switch {
				case c.Public:
					got = append(got, c.Name+" public")
				case c.HiddenBy != "":
					got = append(got, fmt.Sprintf("%s hidden by %s", c.Name, c.HiddenBy))
				default:
					got = append(got, c.Name+" not public")
				}
			}
			if s := strings.Join(got, "; "); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
		})
	}
}
