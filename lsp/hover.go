package lsp

import (
	"fmt"
	"strings"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
)

// hover explains the task type under the cursor in a manifest: the
// triggers that need it. Anywhere else the answer is null.
func (s *server) hover(p TextDocumentPositionParams) (*Hover, error) {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return nil, &responseError{Code: codeInvalidParams, Message: err.Error()}
	}
	if !isManifestFile(path) {
		return nil, nil
	}
	var raw []byte
	if doc, ok := s.docs.get(path); ok {
		raw = doc.text
	} else if raw, err = fileread.Whole(path, maxDocumentSize, "manifest"); err != nil {
		return nil, nil
	}
	m := manifest.Parse(path, raw)
	tx := newText(m.Text)
	off := tx.offsetAt(p.Position)
	for _, ext := range m.BackgroundTasks {
		for _, task := range ext.Tasks {
			if !task.Type.Present || !task.Type.ValuePos.IsValid() {
				continue
			}
			start := task.Type.ValuePos.Offset
			end := task.Type.End - 1 // the closing quote
			if end < start || off < start || off > end {
				continue
			}
			r := Range{Start: tx.positionAt(start), End: tx.positionAt(end)}
			return &Hover{
				Contents: MarkupContent{Kind: "markdown", Value: taskTypeDoc(task.Type.Value, task.Namespace)},
				Range:    &r,
			}, nil
		}
	}
	return nil, nil
}

// taskTypeDoc is the markdown shown for a task type.
func taskTypeDoc(taskType, elementNS string) string {
	var b strings.Builder
	ns := platform.TaskTypeNamespace(taskType)
	if ns == "" {
		fmt.Fprintf(&b, "**`%s`** is not a Windows 10 background task type.\n\nKnown types: %s.", taskType, codeList(platform.AllTaskTypes()))
		return b.String()
	}
	element := "Task"
	if prefix := platform.NamespacePrefix[ns]; prefix != "" {
		element = prefix + ":Task"
	}
	fmt.Fprintf(&b, "**`%s`** — background task type, declared as `<%s Type=\"%s\"/>`", taskType, element, taskType)
	if elementNS != "" && elementNS != ns && !(ns == platform.NSUap && platform.IsUapNamespace(elementNS)) {
		fmt.Fprintf(&b, " (this element is in another namespace: `%s`)", elementNS)
	}
	b.WriteString(".\n\n")
	var only, shared []platform.TaskTypeTrigger
	for _, t := range platform.TriggersForTaskType(taskType) {
		if len(t.Info.Accepted) == 1 {
			only = append(only, t)
		} else {
			shared = append(shared, t)
		}
	}
	if len(only) == 0 && len(shared) == 0 {
		b.WriteString("No trigger in bgmanifest's table needs this task type.")
		return b.String()
	}
	if len(only) > 0 {
		b.WriteString("Triggers that need it:\n")
		for _, t := range only {
			fmt.Fprintf(&b, "- `%s`\n", t.Trigger)
		}
	}
	if len(shared) > 0 {
		if len(only) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("Triggers that accept it among other types:\n")
		for _, t := range shared {
			var others []string
			for _, a := range t.Info.Accepted {
				if a != taskType {
					others = append(others, a)
				}
			}
			if t.Info.Accepted[0] == taskType {
				fmt.Fprintf(&b, "- `%s`: the preferred type; %s also accepted\n", t.Trigger, codeList(others))
			} else {
				fmt.Fprintf(&b, "- `%s`: accepted; `%s` preferred\n", t.Trigger, t.Info.Accepted[0])
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func codeList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = "`" + s + "`"
	}
	return strings.Join(quoted, ", ")
}
