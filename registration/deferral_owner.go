package registration

import "strings"

// Whose deferral is it? A background task's deferral comes from its
// IBackgroundTaskInstance: taskInstance.GetDeferral(). Other objects hand
// out deferrals of their own with a method of the same name: an app
// service request (args.GetDeferral() in a RequestReceived handler), a
// suspension (e.SuspendingOperation.GetDeferral()), a share or activation
// operation. Completing one of those does not complete the task's
// deferral, so BG206 must not count it (audit 8: an app service that
// completes each request's deferral and never its own).

// foreignDeferral reports a GetDeferral call at toks[i], in method m,
// that is known to take another object's deferral than the task
// instance's: its receiver is a bare name (args.GetDeferral()) that is a
// parameter of m, or of a lambda in m, declared with an event-arguments
// type (ownsOtherDeferral), or the second parameter of an untyped C#
// two-parameter lambda subscribed with += (an event's arguments too).
// Everything else is taken to be the instance, as before, so that when
// unsure a Complete() counts and BG206 stays silent: a field, a local, a
// member chain (args.TaskInstance.GetDeferral() in OnBackgroundActivated
// is the task's), a type the scanner cannot place (an alias of
// IBackgroundTaskInstance, a wrapper class of the App).
func foreignDeferral(m *methodDecl, toks []Token, i int) bool {
	if m == nil || i < 2 || !isAccess(toks[i-1]) || toks[i-2].Kind != TokIdent {
		return false // GetDeferral() of the class itself, or on an expression
	}
	j := i - 2
	if j >= 1 && (isAccess(toks[j-1]) || isPunct(toks[j-1], ")") || isPunct(toks[j-1], "]")) {
		return false // a member chain or an expression, not a bare name
	}
	root := toks[j]
	lang := m.file.lang
	fold := lang == VB
	if k := m.paramIndex(root.Text, fold); k >= 0 {
		return ownsOtherDeferral(m.params[k].typ)
	}
	typ, known := lambdaParamType(lang, m.body(), root, fold)
	return known && (typ == eventArgs || ownsOtherDeferral(typ))
}

// eventArgs is lambdaParamType's type for the untyped second parameter of
// a C# event handler lambda.
const eventArgs = "\x00event args"

// ownsOtherDeferral reports a declared type whose GetDeferral() is not the
// task's: an event's arguments (AppServiceRequestReceivedEventArgs,
// EnteredBackgroundEventArgs, … — no event passes the task instance as
// its arguments), a suspension or a data request. A task instance's type
// (IBackgroundTaskInstance, a generic holding it) never is.
func ownsOtherDeferral(typ string) bool {
	if strings.Contains(strings.ToLower(typ), "backgroundtaskinstance") {
		return false
	}
	if i := strings.IndexByte(typ, '<'); i >= 0 {
		typ = typ[:i]
	}
	var name string
	for _, p := range identParts(typ) {
		switch strings.ToLower(p) {
		case "const", "volatile", "byval", "byref", "optional", "ref", "in", "out", "params", "struct", "class", "typename":
			continue
		}
		name = p
	}
	if hasSuffixName(name, "EventArgs", true) {
		return true
	}
	switch strings.ToLower(name) {
	case "suspendingoperation", "datarequest", "dataproviderrequest":
		return true
	}
	return false
}

// lambdaParamType finds the lambda of b whose parameter the name use
// refers to (the innermost one declaring it whose body holds use) and
// returns the parameter's declared type: C# `(AppServiceConnection s,
// AppServiceRequestReceivedEventArgs e) =>`, C++ `[this](AppServiceConnection
// const&, AppServiceRequestReceivedEventArgs const& e) {`, VB `Sub(s As
// AppServiceConnection, e As AppServiceRequestReceivedEventArgs)`. The
// untyped second parameter of a C# two-parameter lambda after += is
// eventArgs. known is false when no such lambda is found, or its
// parameter is untyped otherwise.
func lambdaParamType(lang Language, b []Token, use Token, fold bool) (typ string, known bool) {
	at := -1
	for k, t := range b {
		if t.Offset == use.Offset && t.Kind == TokIdent {
			at = k
			break
		}
	}
	for k := at - 1; k > 0; k-- {
		if !identIs(b[k], use.Text, fold) {
			continue
		}
		open, index := paramListOpen(b, k)
		if open < 0 {
			continue
		}
		close := matchClose(b, open)
		if close >= at || !lambdaBodyHolds(lang, b, open, close, at) {
			continue
		}
		switch lang {
		case CSharp:
			if typed := b[listItemStart(b, k):k]; len(typed) > 0 {
				return exprText(typed), true
			}
			// (sender, args) => after +=, possibly async
			before := open - 1
			if before >= 0 && isIdent(b[before], "async") {
				before--
			}
			if index == 1 && before >= 0 && isPunct(b[before], "+=") && countTop(b[open+1:close], ",") == 1 {
				return eventArgs, true
			}
		case CPP:
			if typed := b[listItemStart(b, k):k]; len(typed) > 0 {
				return exprText(typed), true
			}
		case VB:
			if k+2 < len(b) && isIdentFold(b[k+1], "As") {
				if parts, _ := qualName(b, k+2); len(parts) > 0 {
					return strings.Join(parts, "."), true
				}
			}
		}
		return "", false
	}
	return "", false
}

// lambdaBodyHolds reports whether b[open:close+1] is the parameter list of
// a lambda whose body holds b[at]: C# `(…) => { … }` or `(…) => expr;`,
// C++ `[…](…) … { … }`, VB `Sub(…)`/`Function(…)` up to its End Sub or
// End Function (a multi-line lambda) or its line's end.
func lambdaBodyHolds(lang Language, b []Token, open, close, at int) bool {
	switch lang {
	case CSharp:
		if close+1 >= len(b) || !isPunct(b[close+1], "=>") {
			return false
		}
		if close+2 < len(b) && isPunct(b[close+2], "{") {
			return at < matchClose(b, close+2)
		}
		return at < statementEnd(lang, b, close+1)
	case CPP:
		if open < 1 || !isPunct(b[open-1], "]") {
			return false
		}
		for j := close + 1; j < len(b) && j < close+12; j++ {
			if isPunct(b[j], "{") {
				return at < matchClose(b, j)
			}
			if isPunct(b[j], ";") {
				return false
			}
		}
		return false
	case VB:
		if open < 1 || !(isIdentFold(b[open-1], "Sub") || isIdentFold(b[open-1], "Function")) {
			return false
		}
		kind := b[open-1].Text
		j := close + 1
		if j < len(b) && isIdentFold(b[j], "As") {
			_, j = qualName(b, j+1)
		}
		single := j < len(b) && b[j].Kind != TokNewline // Sub(s, e) DoIt(e)
		for ; j < len(b); j++ {
			if j == at {
				return true
			}
			if single && b[j].Kind == TokNewline || isIdentFold(b[j], "End") && j+1 < len(b) && isIdentFold(b[j+1], kind) {
				return false
			}
		}
	}
	return false
}

// paramListOpen returns the '(' of the bracketed list whose top level holds
// b[k], and the index of b[k]'s item in it; -1 when b[k] is not inside
// parentheses (or inside other brackets first).
func paramListOpen(b []Token, k int) (open, index int) {
	depth := 0
	for j := k - 1; j >= 0; j-- {
		t := b[j]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case ")", "]", "}", ">":
			depth++
		case "<":
			if depth > 0 {
				depth--
			}
		case "(":
			if depth == 0 {
				return j, index
			}
			depth--
		case "[", "{":
			if depth == 0 {
				return -1, 0
			}
			depth--
		case ",":
			if depth == 0 {
				index++
			}
		case ";":
			return -1, 0
		}
	}
	return -1, 0
}

// listItemStart returns the index of the first token of the item of a
// bracketed list that holds b[k] (just after its '(' or ',').
func listItemStart(b []Token, k int) int {
	depth := 0
	for j := k - 1; j >= 0; j-- {
		t := b[j]
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case ")", "]", ">":
			depth++
		case "<", "[":
			if depth > 0 {
				depth--
				continue
			}
			if t.Text == "[" {
				return j + 1
			}
		case "(":
			if depth == 0 {
				return j + 1
			}
			depth--
		case ",":
			if depth == 0 {
				return j + 1
			}
		}
	}
	return 0
}

// countTop counts the top-level p tokens of toks.
func countTop(toks []Token, p string) int {
	n, depth := 0, 0
	for _, t := range toks {
		switch {
		case isPunct(t, "("), isPunct(t, "["), isPunct(t, "{"), isPunct(t, "<"):
			depth++
		case isPunct(t, ")"), isPunct(t, "]"), isPunct(t, "}"), isPunct(t, ">"):
			depth--
		case depth == 0 && isPunct(t, p):
			n++
		}
	}
	return n
}

// onlyForeignDeferrals reports toks that call GetDeferral, each time on a
// receiver foreignDeferral rules out as the task instance.
func onlyForeignDeferrals(m *methodDecl, toks []Token) bool {
	found := false
	for q := range toks {
		if !isGetDeferral(toks, q) {
			continue
		}
		if !foreignDeferral(m, toks, q) {
			return false
		}
		found = true
	}
	return found
}
