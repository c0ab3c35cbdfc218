package registration

import "strings"

// A C# call of a helper that has overloads (the Windows Community
// Toolkit's BackgroundTaskHelper.Register has three, each with a params
// array) fits several of them by argument count alone. Binding the call to
// each gives registrations the code never makes, and they are unresolved
// (the other overload's parameters hold other values), which silences
// BG104 and BG105 for the whole App. losesOverload picks the overloads
// the compiler would pick where that can be decided without a type
// checker: an overload is dropped only when another overload of the same
// class fits the call and one of two things is certain:
//   - an argument whose type is plain to see (a string literal, nameof,
//     true, a number, typeof, null, a parameter of the calling method
//     declared with an interface or simple type, a Windows trigger or
//     condition created in place) cannot convert implicitly to its
//     parameter of the overload (no conversion exists between a string
//     and a bool, an IBackgroundTrigger, a Type; none from an interface to
//     a string);
//   - both overloads take the same parameter types at every argument's
//     position and C#'s tie-breaks prefer the other: a call that needs no
//     params expansion over one that does, then more declared
//     parameters, then no default value substituted (C# spec, better
//     function member).
// Only C#: VB converts between strings, numbers and booleans implicitly
// under Option Strict Off, and C++ has its own rules.

// losesOverload reports whether the call cs does not call h because
// another overload of h that fits the call certainly wins.
func (ix *appIndex) losesOverload(cs callSite, h *methodDecl) bool {
	if h.file.lang != CSharp || cs.m.file.lang != CSharp {
		return false
	}
	if h.class == nil {
		return false
	}
	// the overloads are the methods of h's class read so far (a part of
	// a partial class in a file not read yet keeps its overloads out:
	// the call is then bound as before); methodsNamed would ask for every
	// file that may define the name
	var rivals []*methodDecl
	for _, part := range ix.classes[h.class.name] {
		if part.full != h.class.full {
			continue
		}
		for _, m := range part.methods {
			if m != h && m.file.lang == CSharp && isOverload(m, h) && arityFits(m, cs.args) {
				rivals = append(rivals, m)
			}
		}
	}
	if len(rivals) == 0 {
		return false
	}
	for _, m := range append(rivals, h) {
		if len(m.params) > 0 && strings.HasPrefix(strings.TrimSpace(m.params[0].typ), "this ") {
			return false // an extension method: the receiver is its first argument
		}
	}
	types, positional := argTypes(ix, cs)
	if !positional {
		return false // named arguments: which parameter each fills differs per overload
	}
	var fit []*methodDecl
	for _, m := range rivals {
		if !rejects(m, types) {
			fit = append(fit, m)
		}
	}
	if len(fit) == 0 {
		return false // no other overload is certain to take the call
	}
	if rejects(h, types) {
		return true
	}
	for _, m := range fit {
		if better(m, h, types) {
			return true
		}
	}
	return false
}

// typeClass is what the scanner can tell of a type without a type checker.
type typeClass int

const (
	tcUnknown   typeClass = iota
	tcString              // string
	tcBool                // bool
	tcNumber              // a numeric type
	tcType                // System.Type
	tcNull                // the null literal
	tcInterface           // an interface type (I + capital letter)
	tcWinClass            // a Windows trigger or condition class (sealed, no conversions)
)

// argType is an argument's class and, for an interface or Windows class,
// its simple name.
type argType struct {
	class typeClass
	name  string
}

// argTypes classifies the call's arguments; positional is false when any
// argument is named (name: value).
func argTypes(ix *appIndex, cs callSite) ([]argType, bool) {
	out := make([]argType, len(cs.args))
	for i, a := range cs.args {
		a = trimExpr(a)
		if len(a) >= 2 && a[0].Kind == TokIdent && isPunct(a[1], ":") {
			return nil, false
		}
		out[i] = typeOfArg(ix, cs.m, a)
	}
	return out, true
}

func typeOfArg(ix *appIndex, m *methodDecl, a []Token) argType {
	if len(a) == 0 {
		return argType{}
	}
	if len(a) == 1 {
		t := a[0]
		switch {
		case t.Kind == TokString:
			return argType{class: tcString}
		case t.Kind == TokNumber:
			return argType{class: tcNumber}
		case isIdent(t, "true") || isIdent(t, "false"):
			return argType{class: tcBool}
		case isIdent(t, "null"):
			return argType{class: tcNull}
		case t.Kind == TokIdent:
			if k := m.paramIndex(t.Text, false); k >= 0 {
				// a parameter of the calling method: its declared type
				// (a local of the same name would shadow nothing: C#
				// forbids one)
				p := m.params[k]
				if p.variadic {
					return argType{}
				}
				return classifyType(p.typ)
			}
		}
	}
	call := func(word string) bool { // word(...) and nothing after it
		return len(a) > 3 && isIdent(a[0], word) && isPunct(a[1], "(") && matchClose(a, 1) == len(a)-1
	}
	switch {
	case call("nameof"):
		return argType{class: tcString}
	case call("typeof"):
		return argType{class: tcType}
	case len(a) > 3 && isIdent(a[0], "new") && a[1].Kind == TokIdent && isWindowsTriggerOrCondition(a[1].Text) &&
		isPunct(a[2], "(") && matchClose(a, 2) == len(a)-1:
		return argType{class: tcWinClass, name: a[1].Text}
	}
	// a constant of the App (a const string field, a string concatenation)
	if v := ctxFor(ix, m.file, m, nil).eval(a); v.kind == vString {
		return argType{class: tcString}
	}
	return argType{}
}

// classifyType reads a declared C# type.
func classifyType(typ string) argType {
	t := strings.TrimSpace(typ)
	for _, kw := range []string{"ref ", "out ", "in ", "this ", "readonly "} {
		t = strings.TrimSpace(strings.TrimPrefix(t, kw))
	}
	t = strings.ReplaceAll(t, " ", "")
	t = strings.TrimPrefix(t, "global::")
	if strings.ContainsAny(t, "?[*") {
		return argType{} // nullable, array, pointer
	}
	base := t
	if i := strings.IndexByte(base, '<'); i >= 0 {
		base = base[:i]
	}
	simple := base
	if i := strings.LastIndexByte(simple, '.'); i >= 0 {
		simple = simple[i+1:]
	}
	switch t {
	case "string", "String", "System.String":
		return argType{class: tcString}
	case "bool", "Boolean", "System.Boolean":
		return argType{class: tcBool}
	case "int", "uint", "long", "ulong", "short", "ushort", "byte", "sbyte", "float", "double", "decimal",
		"Int32", "UInt32", "Int64", "UInt64", "Int16", "UInt16", "Byte", "SByte", "Single", "Double", "Decimal",
		"System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Int16", "System.UInt16",
		"System.Byte", "System.SByte", "System.Single", "System.Double", "System.Decimal":
		return argType{class: tcNumber}
	case "Type", "System.Type":
		return argType{class: tcType}
	}
	if len(simple) >= 2 && simple[0] == 'I' && simple[1] >= 'A' && simple[1] <= 'Z' {
		return argType{class: tcInterface, name: simple}
	}
	if base == simple && isWindowsTriggerOrCondition(simple) {
		return argType{class: tcWinClass, name: simple}
	}
	return argType{}
}

// primitiveInterfaces are the interfaces that string, bool and the numeric
// types implement: an argument of those types may convert to them.
var primitiveInterfaces = map[string]bool{
	"IEnumerable": true, "IComparable": true, "ICloneable": true, "IConvertible": true, "IEquatable": true,
	"IParsable": true, "ISpanParsable": true, "IFormattable": true, "ISpanFormattable": true,
	"IUtf8SpanFormattable": true, "IUtf8SpanParsable": true,
}

// cannotConvert reports whether an argument of type a certainly cannot convert
// implicitly to a parameter of type p: false when it may.
func cannotConvert(a, p argType) bool {
	if a.class == tcUnknown || p.class == tcUnknown {
		return false
	}
	switch a.class {
	case tcNull:
		return p.class == tcBool || p.class == tcNumber
	case tcString, tcBool:
		if p.class == tcInterface {
			return !primitiveInterfaces[p.name]
		}
		return p.class != a.class
	case tcNumber:
		return p.class != tcNumber && p.class != tcInterface // numbers convert among themselves
	case tcType:
		return p.class != tcType && p.class != tcInterface
	case tcInterface:
		// no implicit conversion from an interface to a class or value
		// type; to another interface there may be one (a base interface)
		return p.class != tcInterface
	case tcWinClass:
		if p.class == tcWinClass {
			return p.name != a.name // sealed runtime classes derive from none of each other
		}
		return p.class != tcInterface
	}
	return false
}

// rejects reports whether some argument certainly cannot convert to its
// parameter of m (in the expanded form of a params array, the array's
// element type; an argument whose type is plain to see is never an array).
func rejects(m *methodDecl, args []argType) bool {
	for i, a := range args {
		if a.class == tcNull && i >= fixedParams(m) {
			continue // null may be the params array itself
		}
		if p, ok := paramTypeAt(m, i); ok && cannotConvert(a, classifyType(p)) {
			return true
		}
	}
	return false
}

// paramTypeAt is the declared type the i-th positional argument converts
// to: its parameter's, or past the fixed parameters the element type of
// the params array.
func paramTypeAt(m *methodDecl, i int) (string, bool) {
	fixed := fixedParams(m)
	if i < fixed {
		return m.params[i].typ, true
	}
	if fixed < len(m.params) && m.params[fixed].variadic {
		return strings.TrimSuffix(strings.TrimSpace(m.params[fixed].typ), "[]"), true
	}
	return "", false
}

// fixedParams counts the parameters before a params array.
func fixedParams(m *methodDecl) int {
	for i, p := range m.params {
		if p.variadic {
			return i
		}
	}
	return len(m.params)
}

// better reports whether C#'s tie-breaks certainly prefer m to h for a
// call with these positional arguments. They apply only when both take the
// same parameter types at every argument's position. A call of a method
// with a params array and exactly as many arguments as parameters is in
// normal form when its last argument is an array, which is told only when
// that argument's type is plain to see (and then it is no array).
func better(m, h *methodDecl, args []argType) bool {
	n := len(args)
	for i := 0; i < n; i++ {
		pm, okm := paramTypeAt(m, i)
		ph, okh := paramTypeAt(h, i)
		if !okm || !okh || strings.ReplaceAll(pm, " ", "") != strings.ReplaceAll(ph, " ", "") {
			return false
		}
	}
	expanded := func(x *methodDecl) (bool, bool) { // (expanded, known)
		if fixedParams(x) == len(x.params) {
			return false, true
		}
		if n != len(x.params) {
			return true, true
		}
		last := args[n-1].class
		return true, last != tcUnknown && last != tcNull
	}
	em, km := expanded(m)
	eh, kh := expanded(h)
	if !km || !kh {
		return false
	}
	switch {
	case !em && eh:
		return true // normal form beats expanded form
	case em && eh:
		return len(m.params) > len(h.params) // more declared parameters
	case !em && !eh:
		// every parameter has an argument beats default values substituted
		return n == len(m.params) && n < len(h.params)
	}
	return false
}

// windowsTriggersAndConditions are sealed Windows Runtime classes that a
// call creates in place; none converts to a string, a number or a type.
var windowsTriggersAndConditions = map[string]bool{
	"SystemCondition": true, "SystemTrigger": true, "TimeTrigger": true, "MaintenanceTrigger": true,
	"ApplicationTrigger": true, "PushNotificationTrigger": true, "ToastNotificationActionTrigger": true,
	"ToastNotificationHistoryChangedTrigger": true, "LocationTrigger": true, "GeovisitTrigger": true,
	"UserNotificationChangedTrigger": true, "ConversationalAgentTrigger": true, "SocketActivityTrigger": true,
	"NetworkOperatorNotificationTrigger": true, "DeviceUseTrigger": true, "DeviceServicingTrigger": true,
	"BluetoothLEAdvertisementWatcherTrigger": true, "BluetoothLEAdvertisementPublisherTrigger": true,
	"GattCharacteristicNotificationTrigger": true, "GattServiceProviderTrigger": true,
	"RfcommConnectionTrigger": true, "ChatMessageNotificationTrigger": true, "AppointmentStoreNotificationTrigger": true,
	"ContactStoreNotificationTrigger": true, "EmailStoreNotificationTrigger": true, "StorageLibraryContentChangedTrigger": true,
	"MediaProcessingTrigger": true, "ActivitySensorTrigger": true, "SensorDataThresholdTrigger": true,
	"CustomSystemEventTrigger": true, "DeviceWatcherTrigger": true, "AppBroadcastTrigger": true,
}

func isWindowsTriggerOrCondition(name string) bool { return windowsTriggersAndConditions[name] }
