package registration

import "strings"

// The COM side of out-of-process tasks and the other activation
// declarations: the class objects a program registers, the startup task
// ids it looks up, and the classes that activate toasts.

// classFactoryCalls are the calls that register a class object with COM;
// the first argument names the class (its CLSID, or its type).
var classFactoryCalls = map[string]bool{"CoRegisterClassObject": true, "RegisterTypeForComClients": true}

// opaqueFactoryCalls register class objects whose CLSIDs the scanner does
// not read: WIL's register_com_server<T…>, WRL's module RegisterObjects and
// CoCreatableClass.
var opaqueFactoryCalls = map[string]bool{"register_com_server": true, "RegisterObjects": true, "CoCreatableClass": true}

// comFacts records ClassFactories, StartupTaskIDs and ToastActivators.
func comFacts(ix *appIndex, facts *Facts) {
	for _, f := range ix.files {
		if !f.interesting {
			continue
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m != nil {
				comCalls(ctxFor(ix, f, m, nil), m.body(), facts)
			}
		}
	}
	var activators []*classDecl
	bases := map[string]bool{} // simple names the activators derive from
	for _, f := range ix.files {
		for _, cl := range f.classes {
			if cl.isInterface || !toastActivatorClass(cl) {
				continue
			}
			activators = append(activators, cl)
			for _, b := range cl.bases {
				bases[lastPart(strings.ReplaceAll(strings.SplitN(b, "<", 2)[0], "::", "."))] = true
			}
		}
	}
	for _, cl := range activators {
		if bases[cl.name] {
			// the helper base class (DesktopNotificationManagerCompat's
			// abstract NotificationActivator): COM creates the derived one
			continue
		}
		g := resolveGUID(ix, cl)
		if !looksLikeGUID(g) {
			g = ""
		}
		facts.ToastActivators = append(facts.ToastActivators, ComClassGUID{Name: cl.full, Pos: cl.pos, GUID: g})
	}
}

// comCalls scans one body for class-object registrations and
// StartupTask.GetAsync look-ups.
func comCalls(c *ectx, toks []Token, facts *Facts) {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.Kind != TokIdent || (i > 0 && declarationBefore(toks[i-1]) && !isAccess(toks[i-1])) {
			continue
		}
		next := toks[i+1]
		switch {
		case opaqueFactoryCalls[t.Text] && (isPunct(next, "(") || isPunct(next, "<")):
			facts.ClassFactories = append(facts.ClassFactories, ClassFactory{Call: t.Text, Pos: c.f.pos(t), CLSID: Value{Expr: t.Text}})
		case classFactoryCalls[t.Text] && isPunct(next, "("):
			args := callArguments(toks, i+1)
			if len(args) == 0 {
				continue
			}
			facts.ClassFactories = append(facts.ClassFactories, ClassFactory{Call: t.Text, Pos: c.f.pos(t), CLSID: factoryCLSID(c, args[0])})
		case t.Text == "GetAsync" && isPunct(next, "(") && i >= 2 && isAccess(toks[i-1]) && isIdent(toks[i-2], "StartupTask"):
			args := callArguments(toks, i+1)
			if len(args) != 1 || len(trimExpr(args[0])) == 0 {
				continue
			}
			facts.StartupTaskIDs = append(facts.StartupTaskIDs, valueOf(c, args[0]))
		}
	}
}

// callArguments splits the arguments of the call whose "(" is toks[open].
func callArguments(toks []Token, open int) [][]Token {
	end := matchClose(toks, open)
	if end >= len(toks) || end-open > maxCallSpan {
		return nil
	}
	if end == open+1 {
		return nil
	}
	return splitTop(toks[open+1:end], ",")
}

// factoryCLSID evaluates the class argument of a class-object
// registration: a GUID (C# "ref clsid", C++ "__uuidof(X)") or a type
// (RegisterTypeForComClients(typeof(X), …)), whose [Guid] is the CLSID.
func factoryCLSID(c *ectx, arg []Token) Value {
	toks := trimExpr(arg)
	for len(toks) > 1 && (isIdent(toks[0], "ref") || isIdent(toks[0], "in") || isIdent(toks[0], "out") || isPunct(toks[0], "&")) {
		toks = toks[1:]
	}
	if v := c.eval(toks); v.kind == vType {
		out := Value{Expr: exprText(toks), Pos: c.f.pos(toks[0])}
		if g := typeMember(v, "guid", c); g.kind == vGUID {
			out.Str, out.Resolved = g.s, true
		}
		return out
	}
	return guidValue(c, toks)
}

// toastActivatorClass reports whether a class activates toasts: it
// implements INotificationActivationCallback (C# interface, C++/WinRT
// implements<…>, WRL RuntimeClass<…>) or derives from a
// NotificationActivator helper class.
func toastActivatorClass(cl *classDecl) bool {
	for _, b := range cl.bases {
		if strings.Contains(b, "INotificationActivationCallback") {
			return true
		}
		if lastPart(strings.ReplaceAll(strings.SplitN(b, "<", 2)[0], "::", ".")) == "NotificationActivator" && cl.name != "NotificationActivator" {
			return true
		}
	}
	return false
}
