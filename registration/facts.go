// Package registration reads source files (C#, VB, C++/WinRT, C++/CX, IDL,
// JavaScript) into language-neutral facts about background tasks: where
// tasks are registered, with which entry point and triggers, and which
// classes implement them. It knows nothing about manifests or rules.
package registration

import "strings"

// Language of a source file.
type Language string

const (
	CSharp     Language = "csharp"
	VB         Language = "vb"
	CPP        Language = "cpp" // C++/WinRT and C++/CX share a lexer
	IDL        Language = "idl"
	JavaScript Language = "javascript"
)

// Pos is a position in a source file; Line and Col are 1-based, Col counts
// characters.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

// NamedPos is a name found in code, and where.
type NamedPos struct {
	Name string `json:"name"`
	Pos  Pos    `json:"pos"`
}

// IsValid reports whether the position was recorded.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Value is a string the scanner tried to resolve statically.
type Value struct {
	Str      string `json:"value"`
	Resolved bool   `json:"resolved"`
	Expr     string `json:"expr"` // the source text it came from
	Pos      Pos    `json:"pos"`
	// Literal is true when the value is a plain string literal at Pos (so a
	// fix may rewrite it in place).
	Literal bool `json:"literal"`
	// GuidOf is set when a GUID value is winrt::guid_of<T>(): the type T
	// as written. guid_of gives an interface id, not a class id, so the
	// value is left unresolved. GuidOfIID is that interface id when the
	// App declares it (T, or the first interface T implements, is an
	// interface with a uuid), lower case without braces.
	GuidOf    string `json:"guidOf,omitempty"`
	GuidOfIID string `json:"guidOfIID,omitempty"`
}

// SourceFile is one file to scan.
type SourceFile struct {
	Path     string
	Language Language
	// Project is the path of the project file that owns the file ("" when
	// none), RootNamespace that project's root namespace (VB prefixes
	// classes declared without a Namespace statement with it).
	Project       string
	RootNamespace string
	// Linked marks a file its project lists from outside the project's
	// directory (a shared folder): the file other Apps of the run most
	// likely read too, whose tokens Options.Lexed keeps for them.
	Linked bool
	// Component marks a file of a Windows Runtime Component project. BG201
	// reads every public class of a component that holds a task class,
	// so only a component's files are lexed for it; an app project's other
	// classes are no business of the rule.
	Component bool
	// Shared marks a file another App of the run lists too: its first
	// reading (Options.Reads) and its tokens (Options.Lexed) are kept
	// for them.
	Shared bool
}

// Trigger is one SetTrigger argument.
type Trigger struct {
	// Class is the trigger class's simple name ("TimeTrigger",
	// "SystemTrigger", ...); "" when it could not be determined.
	Class string   `json:"class"`
	Args  []string `json:"args"`
	// SystemTriggerType is the SystemTriggerType member for SystemTrigger.
	SystemTriggerType string `json:"systemTriggerType,omitempty"`
	// FreshnessMinutes and OneShot for TimeTrigger / MaintenanceTrigger, when
	// resolvable; FreshnessMinutes is -1 when not.
	FreshnessMinutes int   `json:"freshnessMinutes"`
	OneShot          *bool `json:"oneShot,omitempty"`
	Pos              Pos   `json:"pos"` // the SetTrigger argument (the "new" expression or variable)
	Resolved         bool  `json:"resolved"`
}

// Condition is one AddCondition argument.
type Condition struct {
	Class string `json:"class"` // "SystemCondition", ...
	Type  string `json:"type"`  // SystemConditionType member
	Pos   Pos    `json:"pos"`
}

// Registration is one BackgroundTaskBuilder configured and registered.
type Registration struct {
	// Pos is where the registration is reported: the builder's creation in
	// straight-line code, or the outermost call of the helper that wraps it.
	Pos  Pos   `json:"pos"`
	Name Value `json:"name"`
	// EntryPoint is the TaskEntryPoint; EntryPointSet is false for an
	// in-process registration (no TaskEntryPoint assigned).
	EntryPoint    Value `json:"entryPoint"`
	EntryPointSet bool  `json:"entryPointSet"`
	// CLSID from SetTaskEntryPointClsid (braces stripped, lower case).
	CLSID    Value `json:"clsid"`
	CLSIDSet bool  `json:"clsidSet"`
	// WinAppSDK is true for Microsoft.Windows.ApplicationModel.Background.BackgroundTaskBuilder.
	WinAppSDK     bool        `json:"winAppSDK"`
	Triggers      []Trigger   `json:"triggers"`
	Conditions    []Condition `json:"conditions"`
	RegisterCalls []Pos       `json:"registerCalls"`
	// Via is the chain of helper call sites, outermost first, when the
	// builder is created inside a helper function.
	Via []Pos `json:"via,omitempty"`
	// ChecksExisting is true when the registering call looks the task up
	// among the registered ones itself (the Windows Community Toolkit's
	// BackgroundTaskHelper.Register).
	ChecksExisting bool `json:"checksExisting,omitempty"`
	// SkippedWhenFound is the name of the task whose look-up guards this
	// registration: its Register() runs only when a look-up of AllTasks
	// found no task of that name, in code that registers that task too,
	// so a later run stops at the look-up (see markLookUpGuards).
	SkippedWhenFound string `json:"skippedWhenFound,omitempty"`
	// RegisteredByCaller is true for the builder of a helper that returns
	// it, registered by the caller (see linkReturnedBuilders): its Pos and
	// RegisterCalls are both in the caller.
	RegisteredByCaller bool `json:"registeredByCaller,omitempty"`
	// ReplacesByName is true when the method that makes the Register()
	// call first unregisters the registered tasks of this name (or every
	// task) it finds in AllTasks: registering replaces the task instead
	// of adding a second one (see markReplacements).
	ReplacesByName bool `json:"replacesByName,omitempty"`
	// Discarded is true for a builder that is configured and never
	// registered, and never leaves the method that creates it (not
	// returned, passed on or stored): dead code, which registers nothing.
	Discarded bool `json:"discarded,omitempty"`
	// Guarded is true when the Register() call lies in code an #if with
	// a project's own symbol turns on (#if WS_ENABLED; see Token.Guard):
	// it may never be compiled, so what is wrong with it is not reported,
	// but it still counts as a registration of its task.
	Guarded bool `json:"guarded,omitempty"`
	// Unreached is true when the registration lies in a private method
	// that nothing in the App names (see unreachedMethod): it never runs,
	// so what is wrong with it is not reported, but, as a Guarded one, it
	// still counts as a registration of its task.
	Unreached bool     `json:"unreached,omitempty"`
	Language  Language `json:"language"`
}

// MayNotRun reports a registration in code that may never be built
// (Guarded) or never runs (Unreached): what is wrong with it is not
// reported, but it still counts as a registration of its task.
func (r *Registration) MayNotRun() bool { return r.Guarded || r.Unreached }

// Resolved reports whether every part of the registration was resolved.
func (r *Registration) Resolved() bool {
	if r.EntryPointSet && !r.EntryPoint.Resolved {
		return false
	}
	if r.CLSIDSet && !r.CLSID.Resolved {
		return false
	}
	for _, t := range r.Triggers {
		if !t.Resolved {
			return false
		}
	}
	return true
}

// TaskClass is a class that implements (or is meant to implement) a
// background task, or any public class of a project that holds one.
type TaskClass struct {
	Name     string   `json:"name"` // full name, Namespace.Class
	Pos      Pos      `json:"pos"`
	Language Language `json:"language"`
	// Public: visible outside its assembly. A nested class is public only
	// when it and every class around it say so.
	Public bool `json:"public"`
	// HiddenBy names the enclosing class that is not public when the class
	// says public itself but is nested in it (Public is then false).
	HiddenBy   string   `json:"hiddenBy,omitempty"`
	Sealed     bool     `json:"sealed"`
	Bases      []string `json:"bases"`
	Project    string   `json:"project"`
	Implements bool     `json:"implementsBackgroundTask"`
	// Kind: "class", "struct", "ref class", "runtimeclass" (IDL), "module".
	Kind string `json:"kind"`
	// RunPos is the Run method's position (invalid when no Run was found).
	RunPos Pos `json:"runPos"`
	// RunIsAsync: Run returns before its work is done. It awaits (an
	// await of its own, not one inside a lambda or local function; an
	// async Run that never awaits runs synchronously), or it starts
	// asynchronous work it does not wait for (AsyncStart).
	RunIsAsync bool `json:"runIsAsync"`
	// AsyncPos is Run's first own await / co_await; when Run has none,
	// its first async start (AsyncStart).
	AsyncPos Pos `json:"asyncPos"`
	// AsyncStart is the first asynchronous work Run starts without
	// awaiting or waiting for it: a ThreadPoolTimer, Task.Run,
	// Task.Factory.StartNew, ThreadPool.RunAsync, a C++ create_task or
	// .then chain, a call of a fire_and_forget / async void method.
	AsyncStart Pos `json:"asyncStart,omitzero"`
	// CompletedEarly is a Complete() on the task's deferral that Run
	// makes, on every path, after it started work it does not wait for
	// (AsyncStart): the deferral ends before the work does (invalid when
	// none). C# and C++ only, and only when Run takes one deferral: a
	// second one, held, keeps the task alive (audit 23:
	// Wp8.1BackgroundTask completes a short-lived deferral beside the
	// sample's _deferral).
	CompletedEarly Pos `json:"completedEarly,omitzero"`
	// RunEnd is the last character of Run's body (its closing brace or
	// End Sub); invalid when unknown. Rules use it to tell a GetDeferral()
	// inside Run from one in a method that Run calls.
	RunEnd Pos `json:"-"`
	// DeferralGet are the places in Run where the deferral is taken: a
	// GetDeferral() call, or the call of a method of the class that takes
	// it (so each can be compared with AsyncPos). DeferralComplete are the
	// Complete() calls on the deferral (a variable holding it, or an
	// expression that mentions one) anywhere in the class.
	DeferralGet      []Pos `json:"deferralGet"`
	DeferralComplete []Pos `json:"deferralComplete"`
	// DeferralMaybe are calls in Run that hand the task instance to code
	// of another class that may take the deferral (it calls GetDeferral,
	// or the scanner could not read it): for timing, like DeferralGet.
	DeferralMaybe []Pos `json:"deferralMaybe,omitempty"`
	// DeferralHandedOn are places where the deferral is handed to code the
	// scanner could not follow (a method or constructor it did not find, a
	// property of another object, a return): that code may complete it.
	// A deferral handed to a constructor or method of the App that it
	// found is followed; the Complete() calls there are in
	// DeferralComplete.
	DeferralHandedOn []Pos `json:"deferralHandedOn,omitempty"`
	// DeferralNotTaken are Complete() calls on a variable or field
	// declared as a BackgroundTaskDeferral that nothing in the App assigns
	// (the receiver's position): a null reference at run time. A name
	// assigned anything but GetDeferral() or null, or passed by reference,
	// is not listed.
	DeferralNotTaken []NamedPos `json:"deferralNotTaken,omitempty"`
	// GUID from [Guid("...")] / __declspec(uuid("...")), lower case, no braces.
	GUID string `json:"guid,omitempty"`
}

// IsMentioned reports whether name is among Mentioned.
func (f *Facts) IsMentioned(name string) bool {
	name = strings.TrimSpace(name)
	for _, m := range f.Mentioned {
		if m == name {
			return true
		}
	}
	return false
}

// Note is a problem met while scanning (a file too large, unreadable, a
// lexer that gave up); the rest of the file's facts still count.
type Note struct {
	Pos     Pos    `json:"pos"`
	Message string `json:"message"`
	// Internal is true for a recovered panic of the scanner: a bug of
	// bgmanifest, not of the project (the CLI exits 2).
	Internal bool `json:"internal,omitempty"`
	// Unreadable is true when a source of the App exists but could not
	// be read (permissions, a FIFO or device): its classes and calls are
	// unknown, so no rule may say they are missing, and the CLI exits 2.
	Unreadable bool `json:"unreadable,omitempty"`
}

// Facts are everything the scanner learned about one App's sources.
type Facts struct {
	Registrations  []Registration `json:"registrations"`
	TaskClasses    []TaskClass    `json:"taskClasses"`
	AccessRequests []Pos          `json:"accessRequests"`
	// DiscardedAccessRequests are RequestAccessAsync() calls whose result
	// is discarded (a statement of its own: not awaited, no .get(),
	// .then, .AsTask(), not assigned, returned or passed on); they are
	// not in AccessRequests.
	DiscardedAccessRequests []Pos `json:"discardedAccessRequests,omitempty"`
	ExistingChecks          []Pos `json:"existingChecks"`
	// LookUps are the ExistingChecks with the task names each compares with.
	LookUps []LookUp `json:"lookUps,omitempty"`
	// BackgroundActivated are OnBackgroundActivated overrides / handlers
	// (the in-process entry point).
	BackgroundActivated []Pos `json:"backgroundActivated"`
	// InProcessHandlers are the async OnBackgroundActivated overrides of
	// the App's C# and VB code that await before they take the deferral or
	// hand their arguments on, as written; BG205 judges them as it judges
	// Run.
	InProcessHandlers []InProcessHandler `json:"inProcessHandlers,omitempty"`
	// ElsewhereClasses are entry-point classes defined only in files of
	// Options.Elsewhere (projects the App does not reference); their
	// Project says where.
	ElsewhereClasses []TaskClass `json:"elsewhereClasses,omitempty"`
	// Mentioned are the names of Options.Mentions that code still spells
	// outside comments and dead code (#if false): a string literal (a
	// script path with either separator), or a type reference such as
	// typeof(X) or winrt::name_of<X>(). A literal kept only in a constant
	// that nothing uses does not count. A declared task that no
	// registration names but the code still mentions is registered by code
	// the scanner could not follow. Names a registration uses as its entry
	// point are left out: nothing asks.
	Mentioned []string `json:"mentioned,omitempty"`
	// HandlerMentioned is true when code (not a comment) spells
	// backgroundactivated, in any case: with BackgroundActivated empty, an
	// in-process entry point written in a way the scanner does not parse.
	HandlerMentioned bool `json:"handlerMentioned,omitempty"`
	// ClassFactories are the class objects the program registers with COM
	// (CoRegisterClassObject, RegisterTypeForComClients) and the
	// registrations it makes through means whose CLSID is not read
	// (wil::register_com_server, WRL's RegisterObjects): those have an
	// unresolved CLSID.
	ClassFactories []ClassFactory `json:"classFactories,omitempty"`
	// StartupTaskIDs are the ids passed to StartupTask.GetAsync.
	StartupTaskIDs []Value `json:"startupTaskIds,omitempty"`
	// ToastActivators are the classes that implement
	// INotificationActivationCallback (or derive from a
	// NotificationActivator helper class), with their GUID.
	ToastActivators []ComClassGUID `json:"toastActivators,omitempty"`
	FilesScanned    int            `json:"filesScanned"`
	Notes           []Note         `json:"notes,omitempty"`
	// Marked, filled when Options.Marker is set, says for every file the
	// scanner read whether it holds the marker (files it could not read
	// are absent).
	Marked map[string]bool `json:"-"`
}

// ClassFactory is one class object registered with COM.
type ClassFactory struct {
	// Call is the function: "CoRegisterClassObject",
	// "RegisterTypeForComClients", or the library helper.
	Call string `json:"call"`
	Pos  Pos    `json:"pos"`
	// CLSID is the class id registered; unresolved when the scanner could
	// not tell (a parameter, a library that registers its own classes).
	CLSID Value `json:"clsid"`
}

// ComClassGUID is a class and the GUID attached to it.
type ComClassGUID struct {
	Name string `json:"name"`
	Pos  Pos    `json:"pos"`
	// GUID from [Guid]/__declspec(uuid)/DECLSPEC_UUID, lower case without
	// braces; "" when the class has none the scanner could resolve.
	GUID string `json:"guid,omitempty"`
}
