// Package manifest reads Package.appxmanifest / AppxManifest.xml files into
// typed declarations. Every node the rules use keeps its source position so
// that findings and fixes point at the exact element or attribute.
package manifest

import "github.com/bgmanifest/bgmanifest/internal/textpos"

// Pos is a position in the manifest. Line and Col are 1-based; Col counts
// characters (runes), a tab is one. Offset is the 0-based byte offset in the
// UTF-8 text of the file (after BOM removal and UTF-16 decoding), which is
// what the fixer edits.
type Pos struct {
	Line   int `json:"line"`
	Col    int `json:"column"`
	Offset int `json:"-"`
}

// IsValid reports whether the position was recorded.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Attr is one attribute of an element. Present is false when the attribute
// is absent; Pos then is the element's position.
type Attr struct {
	Value    string `json:"value"`
	Present  bool   `json:"present"`
	Pos      Pos    `json:"pos"`      // start of the attribute name
	ValuePos Pos    `json:"valuePos"` // first character inside the quotes
	// End is the byte offset just after the closing quote.
	End int `json:"-"`
}

// Element is the position information of one XML element.
type Element struct {
	Name      string `json:"name"`      // local name
	Namespace string `json:"namespace"` // resolved namespace URI
	Prefix    string `json:"prefix,omitempty"`
	Pos       Pos    `json:"pos"` // the '<' of the start tag
	// StartTagEnd is the byte offset just after the start tag's '>'.
	StartTagEnd int `json:"-"`
	// End is the byte offset just after the element ends (after "/>" or the end tag).
	End int `json:"-"`
	// SelfClosing is true for <X/>.
	SelfClosing bool `json:"-"`
	// Indent is the whitespace that precedes the start tag on its line, used by
	// fixes to insert siblings in the file's own style.
	Indent string `json:"-"`
}

// Level says where an extension sits.
type Level string

const (
	LevelApplication Level = "application"
	LevelPackage     Level = "package"
)

// Manifest is the typed model of one manifest file.
type Manifest struct {
	Path string `json:"path"`
	// Encoding of the file bytes: "utf-8", "utf-8-bom", "utf-16le", "utf-16be".
	Encoding string `json:"encoding"`
	// Newline is the file's dominant line ending ("\n", "\r\n" or "\r").
	Newline string `json:"-"`

	Root         *Element      `json:"root,omitempty"`
	Identity     *Identity     `json:"identity,omitempty"`
	Applications []Application `json:"applications"`
	// PackageExtensions are the Package/Extensions/Extension elements (any namespace).
	PackageExtensions []Extension  `json:"packageExtensions"`
	Capabilities      []Capability `json:"capabilities"`

	// BackgroundTasks lists every windows.backgroundTasks extension in the
	// file, wherever it sits (application or package level, any namespace),
	// in document order. Rules look here; misplacements are BG002.
	BackgroundTasks []*BackgroundTaskExtension `json:"backgroundTasks"`
	// ComServerClasses are the com:Class elements of windows.comServer extensions.
	ComServerClasses []ComClass `json:"comServerClasses"`
	// ActivatableClasses are ActivatableClass elements of
	// windows.activatableClass.inProcessServer / outOfProcessServer extensions.
	ActivatableClasses []ActivatableClass `json:"activatableClasses"`
	// ToastActivators are the desktop:ToastNotificationActivation elements
	// of windows.toastNotificationActivation extensions (any desktop
	// namespace version), with their ToastActivatorCLSID.
	ToastActivators []ToastActivator `json:"-"`
	// StartupTasks are the StartupTask elements (uap5: or desktop:) of
	// windows.startupTask extensions, with their TaskId.
	StartupTasks []StartupTask `json:"-"`

	// Problems found while reading that are not schema matters: the file is
	// not well-formed XML, has a DOCTYPE, is in an unknown encoding, ...
	// Reported as BG001.
	Problems []Problem `json:"problems,omitempty"`

	// Text is the UTF-8 text of the file (what Offsets index into). Treat it
	// as read-only: a fixer edits a copy and parses the result again.
	Text []byte `json:"-"`
	// HasBOM is true when the file started with a byte-order mark (Encode
	// writes it back).
	HasBOM bool `json:"-"`

	lines    *textpos.Index // line starts of Text, built by Parse
	pointers *pointerTable  // JSON pointer -> position, built on first use
}

// Problem is a reading problem with its position.
type Problem struct {
	Pos     Pos    `json:"pos"`
	Message string `json:"message"`
}

// Identity is Package/Identity.
type Identity struct {
	Name      Attr    `json:"name"`
	Publisher Attr    `json:"publisher"`
	Version   Attr    `json:"version"`
	Element   Element `json:"element"`
}

// Application is Package/Applications/Application.
type Application struct {
	ID         Attr        `json:"id"`
	Executable Attr        `json:"executable"`
	EntryPoint Attr        `json:"entryPoint"`
	StartPage  Attr        `json:"startPage"`
	Element    Element     `json:"element"`
	Extensions []Extension `json:"extensions"`
	// ExtensionsElement is the <Extensions> container, nil when absent
	// (a fix that adds an extension must then create it).
	ExtensionsElement *Element `json:"extensionsElement,omitempty"`
}

// Extension is any Extension element (foundation, uap*, desktop*, com*, ...).
type Extension struct {
	Category   Attr `json:"category"`
	EntryPoint Attr `json:"entryPoint"`
	// Executable is the process that hosts the extension (a desktop
	// bridge app service names its .exe with EntryPoint
	// "Windows.FullTrustApplication").
	Executable Attr    `json:"executable"`
	Element    Element `json:"element"`
	Level      Level   `json:"level"`
}

// HostedCategories are the extension categories besides
// windows.backgroundTasks whose EntryPoint names an IBackgroundTask class
// that the background-task host activates: app services (activated by a
// client's AppServiceConnection), update tasks (by the servicing stack)
// and pre-installed configuration tasks.
var HostedCategories = []string{"windows.appService", "windows.updateTask", "windows.preInstalledConfigTask"}

// HostedExtension is an Application's extension of a HostedCategories
// category.
type HostedExtension struct {
	*Extension
	// Application is the Id of the owning Application, AppIndex its index
	// into Manifest.Applications.
	Application string
	AppIndex    int
}

// HostedExtensions returns the extensions of HostedCategories inside the
// Applications, in document order of the Applications.
func (m *Manifest) HostedExtensions() []HostedExtension {
	var out []HostedExtension
	for i := range m.Applications {
		app := &m.Applications[i]
		for k := range app.Extensions {
			x := &app.Extensions[k]
			for _, c := range HostedCategories {
				if x.Category.Value == c {
					out = append(out, HostedExtension{Extension: x, Application: app.ID.Value, AppIndex: i})
				}
			}
		}
	}
	return out
}

// BackgroundTaskExtension is one Extension with Category="windows.backgroundTasks".
type BackgroundTaskExtension struct {
	Element Element `json:"element"`
	Level   Level   `json:"level"`
	// Application is the Id of the owning Application ("" at package level).
	Application string `json:"application"`
	// AppIndex is the index into Manifest.Applications, -1 at package level.
	AppIndex int `json:"-"`

	EntryPoint    Attr `json:"entryPoint"`
	Executable    Attr `json:"executable"`
	StartPage     Attr `json:"startPage"`
	RuntimeType   Attr `json:"runtimeType"`
	ResourceGroup Attr `json:"resourceGroup"`
	// InheritedEntryPoint is the Application's EntryPoint when the extension
	// has none of its own (the platform falls back to it).
	InheritedEntryPoint string `json:"inheritedEntryPoint,omitempty"`

	// BackgroundTasks is the <BackgroundTasks> child; nil when missing.
	BackgroundTasks           *Element `json:"backgroundTasksElement,omitempty"`
	ServerName                Attr     `json:"serverName"`
	SupportsMultipleInstances Attr     `json:"supportsMultipleInstances"`
	Tasks                     []Task   `json:"tasks"`

	// UnknownAttrs are attributes of Extension or BackgroundTasks that do not
	// belong there (qualified as "{ns}local" when namespaced).
	UnknownAttrs []UnknownAttr `json:"unknownAttrs,omitempty"`
	// UnknownChildren are child elements that do not belong: children of
	// BackgroundTasks that are not a Task, children of the Extension other
	// than one BackgroundTasks, and children of a Task.
	UnknownChildren []Element `json:"unknownChildren,omitempty"`
}

// EffectiveEntryPoint is the entry point the platform uses: the extension's
// own, else the application's.
func (b *BackgroundTaskExtension) EffectiveEntryPoint() string {
	if b.EntryPoint.Present {
		return b.EntryPoint.Value
	}
	return b.InheritedEntryPoint
}

// HasTaskType reports whether the extension declares the task type.
func (b *BackgroundTaskExtension) HasTaskType(t string) bool {
	for _, task := range b.Tasks {
		if task.Type.Value == t {
			return true
		}
	}
	return false
}

// UnknownAttr is an attribute that does not belong on its element.
type UnknownAttr struct {
	Name    string `json:"name"`
	Element string `json:"element"`
	Pos     Pos    `json:"pos"`
}

// Task is one <Task Type="..."/> (foundation), <uap:Task/> or <iot:Task/>.
type Task struct {
	Type Attr `json:"type"`
	// Namespace is the resolved URI of the Task element.
	Namespace string  `json:"namespace"`
	Element   Element `json:"element"`
}

// ComClass is com:Class inside a windows.comServer extension.
type ComClass struct {
	ID         Attr    `json:"id"`
	Executable string  `json:"executable"`
	Element    Element `json:"element"`
}

// ToastActivator is desktop:ToastNotificationActivation.
type ToastActivator struct {
	CLSID Attr `json:"toastActivatorCLSID"`
	// AppIndex is the index of the owning Application, -1 outside one.
	AppIndex int     `json:"-"`
	Element  Element `json:"element"`
}

// StartupTask is a StartupTask of a windows.startupTask extension.
type StartupTask struct {
	TaskID   Attr    `json:"taskId"`
	AppIndex int     `json:"-"`
	Element  Element `json:"element"`
}

// ActivatableClass is an ActivatableClass of an activatable-class extension.
type ActivatableClass struct {
	ID      Attr    `json:"id"`
	Path    string  `json:"path"`
	Element Element `json:"element"`
	// InProcess is true under windows.activatableClass.inProcessServer.
	InProcess bool `json:"-"`
}

// Capability is any *Capability element (Capability, uap:Capability,
// rescap:Capability, DeviceCapability, ...).
type Capability struct {
	Name      Attr    `json:"name"`
	Kind      string  `json:"kind"` // local element name
	Namespace string  `json:"namespace"`
	Element   Element `json:"element"`
}
