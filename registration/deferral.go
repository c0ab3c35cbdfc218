package registration

import (
	"slices"
	"strings"
)

// The Run method facts: whether Run returns before its work is done (it
// awaits, or starts asynchronous work it does not wait for), where the
// deferral is taken, where it is completed (in the class, or in another
// class of the App it is handed to), and Complete() calls on a deferral
// that is never taken.

// findRun picks the class's Run method: the one taking an
// IBackgroundTaskInstance when there are several. A class without one may
// derive from XamlRenderingBackgroundTask, whose Run calls the OnRun
// override: that is where its work and deferral are.
func findRun(methods []*methodDecl) *methodDecl {
	var run *methodDecl
	for _, m := range methods {
		if !strings.EqualFold(m.name, "Run") || (m.file.lang != VB && m.name != "Run") {
			continue
		}
		if run == nil || takesInstance(m) {
			run = m
		}
	}
	if run == nil {
		for _, m := range methods {
			if strings.EqualFold(m.name, "OnRun") && takesInstance(m) {
				return m
			}
		}
	}
	return run
}

func takesInstance(m *methodDecl) bool {
	return len(m.params) == 1 && strings.Contains(m.params[0].typ, "IBackgroundTaskInstance")
}

// analyseRun fills the Run method facts of tc from the class's methods;
// files are those of the class's declarations.
func analyseRun(ix *appIndex, tc *TaskClass, methods []*methodDecl, files []*fileModel) {
	run := findRun(methods)
	if run == nil {
		return
	}
	f := run.file
	tc.RunPos = run.pos
	if toks := f.toks; run.e >= 0 && run.e < len(toks) {
		tc.RunEnd = f.pos(toks[run.e]) // the closing brace, End Sub or ';'
	}
	byName := map[string][]*methodDecl{}
	for _, m := range methods {
		byName[strings.ToLower(m.name)] = append(byName[strings.ToLower(m.name)], m)
	}
	body := run.body()
	nested := nestedMask(f.lang, body)
	tc.AsyncPos = firstSuspension(ix, f, body, nested)
	if at, ok := firstAsyncStart(f, body, nested, byName); ok {
		tc.AsyncStart = at
		if !tc.AsyncPos.IsValid() {
			tc.AsyncPos = at
		}
	}
	tc.RunIsAsync = tc.AsyncPos.IsValid()

	tc.DeferralGet = deferralTakes(run, body, byName)
	tc.DeferralMaybe = instanceHandedOn(ix, run, body, nested, byName)
	if tc.AsyncStart.IsValid() && (f.lang == CSharp || f.lang == CPP) && len(tc.DeferralGet) == 1 {
		// one deferral: with a second one held (the timer sample's
		// _deferral beside a short-lived one), the task lives on
		tc.CompletedEarly = completedAfterStart(f, body, nested, tc.AsyncStart, taskDeferralNames(methods))
	}

	fl := &deferralFlow{ix: ix, seen: map[flowKey]bool{}}
	fl.track(methods, taskDeferralNames(methods), true, 0)
	tc.DeferralComplete = append(tc.DeferralComplete, fl.completes...)
	tc.DeferralHandedOn = fl.escapes
	tc.DeferralNotTaken = completedNotTaken(ix, methods, files, lastPart(tc.Name))
	tc.DeferralGet = sortPos(tc.DeferralGet)
	tc.DeferralComplete = sortPos(tc.DeferralComplete)
}

// firstSuspension is the position of the first await of body (a Run or
// an in-process handler) that may suspend, invalid when none: an async
// method that never awaits runs to its end synchronously (C# only warns,
// CS1998), an await inside a lambda or local function belongs to that
// code, an await of an App method that never suspends goes on at once,
// and an await in one branch of an #if group may not be built.
func firstSuspension(ix *appIndex, f *fileModel, body []Token, nested []bool) Pos {
	for i, t := range body {
		if (nested == nil || !nested[i]) && t.Kind == TokIdent && !t.Alt && !t.Guard && isAwaitWord(f.lang, t) {
			if awaitsFinishedCall(ix, f.lang, body, i) {
				continue // nothing suspends here: the method goes on at once
			}
			return f.pos(t)
		}
	}
	return Pos{}
}

// deferralTakes lists where run (a Run or an in-process handler) takes the
// deferral: a GetDeferral call in it, or a call in it of a method of the
// class that (transitively) takes it. The position is where run makes the
// call, so it can be compared with the first await.
func deferralTakes(run *methodDecl, body []Token, byName map[string][]*methodDecl) []Pos {
	out := []Pos{} // [] in the JSON facts, as for a class without Run
	takes := map[*methodDecl]bool{}
	visiting := map[*methodDecl]bool{}
	var takesDeferral func(m *methodDecl, depth int) bool
	takesDeferral = func(m *methodDecl, depth int) bool {
		if v, ok := takes[m]; ok {
			return v
		}
		if visiting[m] || depth > 6 {
			return false
		}
		visiting[m] = true
		found := false
		forEachCall(m.file.lang, m.body(), func(b []Token, i int) {
			if isGetDeferral(b, i) {
				found = found || !foreignDeferral(m, b, i)
				return
			}
			for _, callee := range byName[strings.ToLower(b[i].Text)] {
				if takesDeferral(callee, depth+1) {
					found = true
				}
			}
		})
		takes[m] = found
		return found
	}
	f := run.file
	forEachCall(f.lang, body, func(b []Token, i int) {
		if isGetDeferral(b, i) {
			if !foreignDeferral(run, b, i) { // not a request's deferral taken in a lambda
				out = append(out, f.pos(b[i]))
			}
			return
		}
		for _, callee := range byName[strings.ToLower(b[i].Text)] {
			if callee != run && takesDeferral(callee, 1) {
				out = append(out, f.pos(awaitedCallStart(b, i)))
				break
			}
		}
	})
	return out
}

// awaitsFinishedCall reports an await (b[i]) whose operand is a call,
// alone in its statement, of an App method that never suspends: every
// method of the App with that name is a C# async method (or a VB Async
// one) with no await in its body. Such a method runs to its end when
// called and returns a finished task (the compiler only warns, CS1998),
// and awaiting a finished task goes on at once, so Run has not returned
// yet (audit 20: pkarsten/HelloWindowsIotGit logs with
// await SaveLogEntry(…) before GetDeferral()). An await in one branch of
// an #if group may not be built, so it does not count (audit 26: OneDo
// awaits only under #if DEBUG … #else). The name is wanted, so the files
// that declare it are lexed before the answer is final.
func awaitsFinishedCall(ix *appIndex, lang Language, b []Token, i int) bool {
	if lang != CSharp && lang != VB {
		return false
	}
	k := i + 1
	for k+2 < len(b) && b[k].Kind == TokIdent && isAccess(b[k+1]) {
		k += 2
	}
	if k+1 >= len(b) || b[k].Kind != TokIdent || !isPunct(b[k+1], "(") {
		return false
	}
	if k >= i+3 && b[k-2].Kind == TokIdent && b[k-2].Text == "Task" && len(ix.classes["Task"]) == 0 {
		// Task.Delay(…), System.Threading.Tasks.Task.Run(…): the
		// framework's, not a method of the App
		return false
	}
	end := matchClose(b, k+1)
	if end+1 > len(b) || end+1 < len(b) && !isPunct(b[end+1], ";") && b[end+1].Kind != TokNewline {
		return false
	}
	ms := ix.methodsNamed(b[k].Text, lang == VB)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if m.file.lang != lang || !hasModFold(m.mods, "async") {
			return false
		}
		for _, t := range m.body() {
			// an await in one branch of an #if group (#if DEBUG … #else)
			// may not be built: the method may never suspend
			if t.Kind == TokIdent && !t.Alt && !t.Guard && (isAwaitWord(m.file.lang, t) || strings.EqualFold(t.Text, "yield")) {
				return false
			}
		}
	}
	return true
}

func isAwaitWord(lang Language, t Token) bool {
	if lang == VB {
		return strings.EqualFold(t.Text, "Await") // VB is case-insensitive
	}
	return t.Text == "await" || t.Text == "co_await"
}

// isGetDeferral reports a GetDeferral call at b[i]: `x.GetDeferral()`, and
// in VB also `x.GetDeferral` (VB calls a method without parentheses).
func isGetDeferral(b []Token, i int) bool {
	if b[i].Kind != TokIdent || !strings.EqualFold(b[i].Text, "GetDeferral") {
		return false
	}
	return i+1 < len(b) && isPunct(b[i+1], "(") || i > 0 && isAccess(b[i-1])
}

// forEachCall calls fn for every call in b of a method of the same object
// ("Name(", "this.Name(", "Me.Name(", and in VB a bare "Name" statement),
// and for every GetDeferral call.
func forEachCall(lang Language, b []Token, fn func(b []Token, i int)) {
	for i, t := range b {
		if t.Kind != TokIdent {
			continue
		}
		if isGetDeferral(b, i) {
			fn(b, i)
			continue
		}
		paren := i+1 < len(b) && isPunct(b[i+1], "(")
		if !paren && lang == VB {
			// Name or Call Name, alone on its line
			paren = (i+1 == len(b) || b[i+1].Kind == TokNewline || isPunct(b[i+1], ":")) &&
				(i == 0 || b[i-1].Kind == TokNewline || isPunct(b[i-1], ":") || isIdentFold(b[i-1], "Call") || isAccess(b[i-1]) && i >= 2 && isIdentFold(b[i-2], "Me"))
		}
		if !paren {
			continue
		}
		if i == 0 || !isAccess(b[i-1]) || (i >= 2 && (isIdent(b[i-2], "this") || isIdentFold(b[i-2], "Me"))) {
			fn(b, i)
		}
	}
}

// awaitedCallStart returns the await keyword when the call at b[i] is the
// operand of an await (`await RunAsync(x)`, `await this.RunAsync(x)`), else
// b[i]. The awaited method runs synchronously up to its own first await
// before the outer await suspends, so a deferral it takes there is taken in
// time: the rules compare this position with the first await's.
func awaitedCallStart(b []Token, i int) Token {
	j := i
	for j >= 2 && isAccess(b[j-1]) && b[j-2].Kind == TokIdent {
		j -= 2
	}
	if j >= 1 && b[j-1].Kind == TokIdent {
		switch strings.ToLower(b[j-1].Text) {
		case "await", "co_await":
			return b[j-1]
		}
	}
	return b[i]
}

// firstAsyncStart finds the first asynchronous work Run's own code starts
// without waiting for it: a ThreadPoolTimer, Task.Run, Task.Factory.StartNew,
// ThreadPool.RunAsync, a C++ create_task or .then continuation, a call of a
// winrt::fire_and_forget (C++) or async void / Async Sub (C#, VB) method of
// the class. Work that is awaited, or waited for (.Wait(), .get(),
// .Result), is not counted.
func firstAsyncStart(f *fileModel, b []Token, nested []bool, byName map[string][]*methodDecl) (Pos, bool) {
	return asyncStartIn(f, b, nested, byName, map[*methodDecl]bool{})
}

// startsThroughHelper reports a call of a synchronous method of the class
// whose own body starts asynchronous work it does not wait for, as
// firstAsyncStart reads it, down to a few calls (audit 29: Chamberlain's
// Run calls LoadReminder, which calls an async void LoadReminderItems).
func startsThroughHelper(byName map[string][]*methodDecl, ms []*methodDecl, visiting map[*methodDecl]bool) bool {
	if len(ms) == 0 || len(visiting) >= 4 {
		return false
	}
	for _, m := range ms {
		if visiting[m] || hasModFold(m.mods, "async") || hasModFold(m.mods, "fire_and_forget") {
			return false
		}
	}
	for _, m := range ms {
		visiting[m] = true
		body := m.body()
		_, ok := asyncStartIn(m.file, body, nestedMask(m.file.lang, body), byName, visiting)
		delete(visiting, m)
		if !ok {
			return false
		}
	}
	return true
}

func asyncStartIn(f *fileModel, b []Token, nested []bool, byName map[string][]*methodDecl, visiting map[*methodDecl]bool) (Pos, bool) {
	for i, t := range b {
		if t.Kind != TokIdent || (nested != nil && nested[i]) {
			continue
		}
		call := i+1 < len(b) && isPunct(b[i+1], "(")
		start := false
		switch f.lang {
		case CSharp, VB:
			fold := f.lang == VB
			member := func(recv, name string) bool {
				return i >= 2 && isAccess(b[i-1]) && identIs(b[i-2], recv, fold) && identIs(t, name, fold)
			}
			start = call && (member("ThreadPoolTimer", "CreateTimer") || member("ThreadPoolTimer", "CreatePeriodicTimer") ||
				member("ThreadPool", "RunAsync") || member("Task", "Run") ||
				member("Factory", "StartNew") && i >= 4 && identIs(b[i-4], "Task", fold)) ||
				vbCallOrParen(f.lang, b, i) && sameObjectCall(b, i) && (firesAndForgets(overloadsFitting(byName[strings.ToLower(t.Text)], b, i)) ||
					startsThroughHelper(byName, overloadsFitting(byName[strings.ToLower(t.Text)], b, i), visiting))
		case CPP:
			switch t.Text {
			case "create_task":
				start = call
			case "then":
				start = call && i > 0 && isAccess(b[i-1])
			case "CreateTimer", "CreatePeriodicTimer", "RunAsync":
				start = call && i >= 2 && isAccess(b[i-1]) && (isIdent(b[i-2], "ThreadPoolTimer") || isIdent(b[i-2], "ThreadPool"))
			default:
				start = call && sameObjectCall(b, i) && firesAndForgets(byName[strings.ToLower(t.Text)])
			}
		}
		if start && !awaitedOrWaited(f.lang, b, i) {
			return f.pos(t), true
		}
	}
	return Pos{}, false
}

// vbCallOrParen reports a call at b[i]: Name(…), and in VB also a bare
// Name alone on its line or after Call; never AddressOf Name, which only
// refers to the method.
func vbCallOrParen(lang Language, b []Token, i int) bool {
	if i > 0 && isIdentFold(b[i-1], "AddressOf") {
		return false
	}
	if i+1 < len(b) && isPunct(b[i+1], "(") {
		return true
	}
	return lang == VB && (i+1 == len(b) || b[i+1].Kind == TokNewline || isPunct(b[i+1], ":")) &&
		(i == 0 || b[i-1].Kind == TokNewline || isPunct(b[i-1], ":") || isIdentFold(b[i-1], "Call"))
}

func identIs(t Token, s string, fold bool) bool {
	return t.Kind == TokIdent && (t.Text == s || fold && strings.EqualFold(t.Text, s))
}

// sameObjectCall: Name(…), this.Name(…), Me.Name(…), this->Name(…).
func sameObjectCall(b []Token, i int) bool {
	return i == 0 || !isAccess(b[i-1]) || (i >= 2 && (isIdent(b[i-2], "this") || isIdentFold(b[i-2], "Me")))
}

// overloadsFitting narrows the methods named at b[i] to those whose
// parameters fit the call's arguments (audit 29: Flic's async void
// Print(e, indent = 0) beside a synchronous Print(device, indent)); all of
// them when none fits or the arguments cannot be read.
func overloadsFitting(ms []*methodDecl, b []Token, i int) []*methodDecl {
	if len(ms) < 2 {
		return ms
	}
	var args [][]Token
	if i+1 < len(b) && isPunct(b[i+1], "(") {
		end := matchClose(b, i+1)
		if end >= len(b) {
			return ms
		}
		if inner := b[i+2 : end]; len(inner) > 0 {
			args = splitTop(inner, ",")
		}
	}
	var fit []*methodDecl
	for _, m := range ms {
		if arityFits(m, args) {
			fit = append(fit, m)
		}
	}
	if len(fit) == 0 {
		return ms
	}
	return fit
}

// firesAndForgets reports methods that return to their caller at their
// first await and go on running: winrt::fire_and_forget, C# async void,
// VB Async Sub; each with an await of its own.
func firesAndForgets(ms []*methodDecl) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !firesAndForgetsOne(m) {
			return false
		}
	}
	return true
}

func firesAndForgetsOne(m *methodDecl) bool {
	lang := m.file.lang
	async := false
	for _, mod := range m.mods {
		switch strings.ToLower(mod) {
		case "fire_and_forget":
			async = lang == CPP
		case "async":
			async = async || lang == CSharp && hasMod(m.mods, "void") || lang == VB && vbIsSub(m)
		}
	}
	if !async {
		return false
	}
	b := m.body()
	nested := nestedMask(lang, b)
	for i, t := range b {
		if (nested == nil || !nested[i]) && t.Kind == TokIdent && isAwaitWord(lang, t) {
			return true
		}
	}
	return false
}

// hasModFold is hasMod in any case (Visual Basic's Async, Overrides).
func hasModFold(mods []string, s string) bool {
	return slices.ContainsFunc(mods, func(m string) bool { return strings.EqualFold(m, s) })
}

func hasMod(mods []string, s string) bool {
	for _, m := range mods {
		if m == s {
			return true
		}
	}
	return false
}

// vbIsSub reports a VB method declared with Sub: the keyword sits on its
// header line, before the method's body.
func vbIsSub(m *methodDecl) bool {
	toks := m.file.toks
	for k := min(m.s, len(toks)) - 2; k >= 0 && toks[k].Kind != TokNewline; k-- {
		if isIdentFold(toks[k], "Sub") {
			return true
		}
		if isIdentFold(toks[k], "Function") {
			return false
		}
	}
	return false
}

// awaitedOrWaited reports a start at b[i] whose work the statement awaits
// or waits for (`await Task.Run(…)`, `Task.Run(…).Wait()`,
// `create_task(…).get()`), or whose result goes into a variable that Run
// later waits for or awaits.
func awaitedOrWaited(lang Language, b []Token, i int) bool {
	s := statementStart(lang, b, i)
	for k := s; k < i; k++ {
		if b[k].Kind == TokIdent && isAwaitWord(lang, b[k]) {
			return true
		}
	}
	e := statementEnd(lang, b, i)
	if waits(b[i:e]) || blocksLater(b[e:]) {
		return true
	}
	// var t = Task.Run(…); … t.Wait();
	for k := s; k+1 < i; k++ {
		if b[k].Kind == TokIdent && (isPunct(b[k+1], "=") || isPunct(b[k+1], "{") || lang == VB && isIdentFold(b[k+1], "As")) {
			name := b[k]
			for j := e; j < len(b); j++ {
				if identIs(b[j], name.Text, lang == VB) {
					if j > 0 && b[j-1].Kind == TokIdent && isAwaitWord(lang, b[j-1]) {
						return true
					}
					if waits(b[j:min(j+4, len(b))]) {
						return true
					}
					// handed to something that may wait for it: Task.WaitAll(t), when_all(t)
					if j > 0 && (isPunct(b[j-1], "(") || isPunct(b[j-1], ",")) {
						return true
					}
				}
			}
			break
		}
	}
	return false
}

// waits reports a synchronous wait in toks: .Wait(), .get(), .wait(),
// .GetResult(), .Result.
func waits(toks []Token) bool {
	for k := 1; k < len(toks); k++ {
		if !isAccess(toks[k-1]) || toks[k].Kind != TokIdent {
			continue
		}
		// .Wait(), .Result, .GetAwaiter().GetResult(); C++ .get(), .wait()
		switch strings.ToLower(toks[k].Text) {
		case "wait", "get", "getresult", "result", "waitall", "waitany":
			return true
		}
	}
	return false
}

// blocksLater reports a blocking wait in the rest of Run (an event's
// WaitOne, a thread's Join, Sleep, WaitForSingleObject, …): Run may be
// waiting there for the work it started.
func blocksLater(toks []Token) bool {
	if waits(toks) {
		return true
	}
	for _, t := range toks {
		if t.Kind != TokIdent {
			continue
		}
		switch strings.ToLower(t.Text) {
		case "waitone", "waitany", "join", "sleep", "waitforsingleobject", "waitforsingleobjectex", "waitformultipleobjects":
			return true
		}
	}
	return false
}

// statementStart returns the index of the first token of the statement
// holding b[i].
func statementStart(lang Language, b []Token, i int) int {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		t := b[k]
		if lang == VB && t.Kind == TokNewline && depth == 0 {
			return k + 1
		}
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case ")", "]":
			depth++
		case "(", "[":
			if depth == 0 {
				return k + 1
			}
			depth--
		case ";", "{", "}":
			if depth == 0 {
				return k + 1
			}
		case ":":
			if lang == VB && depth == 0 {
				return k + 1
			}
		}
	}
	return 0
}

// statementEnd returns the index just past the statement holding b[i].
func statementEnd(lang Language, b []Token, i int) int {
	depth := 0
	for k := i; k < len(b); k++ {
		t := b[k]
		if lang == VB && t.Kind == TokNewline && depth == 0 {
			return k
		}
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth < 0 {
				return k
			}
		case ";":
			if depth == 0 {
				return k
			}
		case ":":
			if lang == VB && depth == 0 { // vbSeparator: as statementStart
				return k
			}
		}
	}
	return len(b)
}

// deferralNames are the variables and fields of the class assigned a
// deferral from GetDeferral() (lower case).
func deferralNames(methods []*methodDecl) map[string]bool {
	names := map[string]bool{}
	for _, m := range methods {
		b := m.body()
		for i := range b {
			if isGetDeferral(b, i) {
				if v := assignedName(b, i); v != "" {
					names[strings.ToLower(v)] = true
				}
			}
		}
	}
	return names
}

// taskDeferralNames is deferralNames without the variables assigned only
// a deferral that is not the task's (foreignDeferral).
func taskDeferralNames(methods []*methodDecl) map[string]bool {
	names := map[string]bool{}
	for _, m := range methods {
		b := m.body()
		for i := range b {
			if isGetDeferral(b, i) && !foreignDeferral(m, b, i) {
				if v := assignedName(b, i); v != "" {
					names[strings.ToLower(v)] = true
				}
			}
		}
	}
	return names
}

// assignedName finds the variable a call at b[i] is assigned to:
// "x = a.GetDeferral()", "auto x{ a.GetDeferral() }", "Dim x = ...".
func assignedName(b []Token, i int) string {
	k := i - 1
	for k >= 1 && (isAccess(b[k]) && b[k-1].Kind == TokIdent) {
		k -= 2
	}
	if k >= 1 && (isPunct(b[k], "=") || isPunct(b[k], "{") || isPunct(b[k], "(")) && b[k-1].Kind == TokIdent {
		return b[k-1].Text
	}
	if k >= 2 && isPunct(b[k], "=") && isPunct(b[k-1], "??") && b[k-2].Kind == TokIdent {
		return b[k-2].Text // d ??= x.GetDeferral()
	}
	return ""
}

func mentionsDeferral(toks []Token, names map[string]bool, heuristic bool) bool {
	list := nameKeys(names)
	for _, t := range toks {
		if t.Kind != TokIdent {
			continue
		}
		if nameIn(list, t.Text) || heuristic && containsFold(t.Text, "deferral") {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word sub in
// any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// completedAfterStart finds a Complete() on one of the task's deferral
// variables (names, lower case) that Run makes after the asynchronous
// start at start, where both are on Run's every path: outside lambdas and
// outside any block but a try, finally, using or lock one (audit 26:
// mjfusa's trial-expiry sample takes the deferral, calls an async void
// method and completes the deferral on the next line). An early return
// or a branch between them is not looked for: one that skips the
// Complete() still leaves the start before it unconditional.
func completedAfterStart(f *fileModel, b []Token, nested []bool, start Pos, names map[string]bool) Pos {
	if len(names) == 0 {
		return Pos{}
	}
	bs := newBlockScopes(b)
	si := -1
	for i, t := range b {
		if f.pos(t) == start {
			si = i
			break
		}
	}
	if si < 0 || !onEveryPath(b, bs, si) {
		return Pos{}
	}
	for i := si + 1; i+3 < len(b); i++ {
		if nested != nil && nested[i] || b[i].Kind != TokIdent || !names[strings.ToLower(b[i].Text)] || i > 0 && isAccess(b[i-1]) {
			continue
		}
		if isAccess(b[i+1]) && identIs(b[i+2], "Complete", false) && isPunct(b[i+3], "(") && onEveryPath(b, bs, i) {
			if returnsBetween(b, si, i) {
				return Pos{}
			}
			return f.pos(b[i+2])
		}
	}
	return Pos{}
}

// onEveryPath reports that b[i] sits in no block of b but try, finally,
// using, lock or a bare block: code that runs whenever its block does.
func onEveryPath(b []Token, bs *blockScopes, i int) bool {
	for o := bs.open[i]; o >= 0; o = bs.open[o] {
		if o == 0 {
			continue // a bare block opening the body
		}
		prev := b[o-1]
		switch {
		case identIs(prev, "try", false), identIs(prev, "finally", false):
		case isPunct(prev, ";"), isPunct(prev, "{"), isPunct(prev, "}"):
			// a bare block
		case isPunct(prev, ")"):
			open := matchOpen(b, int(o)-1)
			if open < 1 || !(identIs(b[open-1], "using", false) || identIs(b[open-1], "lock", false)) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// returnsBetween reports a return, throw or co_return in b(from, to).
func returnsBetween(b []Token, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if identIs(b[k], "return", false) || identIs(b[k], "throw", false) || identIs(b[k], "co_return", false) {
			return true
		}
	}
	return false
}
