package registration

import (
	"strings"
)

// builderState is one BackgroundTaskBuilder as configured so far.
type builderState struct {
	pos      Pos
	variable string
	winApp   bool
	name, ep Value
	clsid    Value
	nameSet  bool
	epSet    bool
	clsidSet bool
	// triggers are the SetTrigger calls so far, in the order met; each
	// Register() takes those that reach it (see reaching).
	triggers []triggerSet
	conds    []Condition
	regs     int
	// spelled are the tokens that spelled the entry point (the
	// TaskEntryPoint argument, and the literal a helper's caller passed):
	// when the builder turns out discarded they are no mention of it.
	spelled []Pos
}

// snapshot is the registration the builder makes at body[at] (reg is the
// Register() call's position, nil for a builder that leaves its method
// unregistered; then at is the end of the body, and a nil body stands for
// no place at all).
func (b *builderState) snapshot(lang Language, reg *Pos, body []Token, at int) Registration {
	r := Registration{
		Pos: b.pos, Name: b.name, EntryPoint: b.ep, EntryPointSet: b.epSet,
		CLSID: b.clsid, CLSIDSet: b.clsidSet, WinAppSDK: b.winApp,
		Triggers:   reaching(lang, b.triggers, body, at),
		Conditions: append([]Condition{}, b.conds...),
		Language:   lang, RegisterCalls: []Pos{},
	}
	if reg != nil {
		r.RegisterCalls = append(r.RegisterCalls, *reg)
		r.Guarded = at >= 0 && at < len(body) && body[at].Guard
	}
	return r
}

const builderClass = "BackgroundTaskBuilder"

// targetType is the declared type of the variable or field a C#
// target-typed new at toks[i] initialises ("T name = new(…)"), or nil.
func targetType(toks []Token, i int) []string {
	if i < 3 || !isPunct(toks[i-1], "=") || toks[i-2].Kind != TokIdent || toks[i-3].Kind != TokIdent {
		return nil
	}
	start := i - 3
	for start >= 2 && isPunct(toks[start-1], ".") && toks[start-2].Kind == TokIdent {
		start -= 2
	}
	parts, end := qualName(toks, start)
	if end != i-2 {
		return nil
	}
	return parts
}

// creation recognises a builder created at toks[i]. It returns the index
// after the creation expression (and its initialiser), the initialiser's
// token range, and the qualified class name.
func creation(lang Language, toks []Token, i int) (end int, init []Token, parts []string, ok bool) {
	j := i
	t := toks[i]
	switch {
	case isIdent(t, "new") || isIdent(t, "gcnew") || (lang == VB && isIdentFold(t, "New")):
		j++
	case isIdent(t, "ref") && i+1 < len(toks) && isIdent(toks[i+1], "new"):
		j += 2
	case lang == CPP && t.Kind == TokIdent && (i == 0 || !isAccess(toks[i-1])):
		// value construction: BackgroundTaskBuilder() / {} or a declaration
	default:
		return 0, nil, nil, false
	}
	parts, k := qualName(toks, j)
	if len(parts) == 0 && lang == CSharp && j == i+1 && j < len(toks) && isPunct(toks[j], "(") {
		// C# 9 target-typed new: BackgroundTaskBuilder b = new() { … };
		parts, k = targetType(toks, i), j
	}
	if len(parts) == 0 || parts[len(parts)-1] != builderClass && !(lang == VB && strings.EqualFold(parts[len(parts)-1], builderClass)) {
		return 0, nil, nil, false
	}
	if j == i { // C++ without new
		if k < len(toks) && (isPunct(toks[k], "(") || isPunct(toks[k], "{")) {
			close := matchClose(toks, k)
			if close != k+1 {
				return 0, nil, nil, false
			}
			return close + 1, nil, parts, true
		}
		// declaration: BackgroundTaskBuilder[^] name; (not "= ...")
		q := k
		for q < len(toks) && (isPunct(toks[q], "^") || isPunct(toks[q], "&")) {
			q++
		}
		if q+1 < len(toks) && toks[q].Kind == TokIdent && (isPunct(toks[q+1], ";") || isPunct(toks[q+1], "{")) {
			if isPunct(toks[q+1], "{") && matchClose(toks, q+1) != q+2 {
				return 0, nil, nil, false
			}
			return q + 1, nil, parts, true
		}
		return 0, nil, nil, false
	}
	if k < len(toks) && isPunct(toks[k], "(") {
		k = matchClose(toks, k) + 1
	}
	if lang == VB && k < len(toks) && isIdentFold(toks[k], "With") {
		k++
	}
	if k < len(toks) && isPunct(toks[k], "{") && lang != CPP {
		close := matchClose(toks, k)
		init = toks[k+1 : min(close, len(toks))]
		k = close + 1
	}
	return min(k, len(toks)), init, parts, true
}

// builderVar names the variable a creation at toks[i] is assigned to.
func builderVar(lang Language, toks []Token, i int) string {
	if lang == VB && i >= 4 && isPunct(toks[i-1], "=") {
		// Dim builder As BackgroundTaskBuilder = New BackgroundTaskBuilder()
		for a := i - 2; a >= 1 && toks[a].Kind != TokNewline; a-- {
			if isIdentFold(toks[a], "As") && toks[a-1].Kind == TokIdent {
				return toks[a-1].Text
			}
		}
	}
	if i >= 2 && (isPunct(toks[i-1], "=") || isPunct(toks[i-1], "{") || isIdentFold(toks[i-1], "As")) && toks[i-2].Kind == TokIdent {
		return toks[i-2].Text
	}
	// C++ declaration: the identifier after the type
	if lang == CPP && !isIdent(toks[i], "new") && !isIdent(toks[i], "ref") {
		_, k := qualName(toks, i)
		for k < len(toks) && (isPunct(toks[k], "^") || isPunct(toks[k], "&")) {
			k++
		}
		if k < len(toks) && toks[k].Kind == TokIdent {
			return toks[k].Text
		}
	}
	return ""
}

func isWinAppSDK(f *fileModel, parts []string) bool {
	if len(parts) > 0 && f.aliases != nil {
		if a, ok := f.aliases[parts[0]]; ok {
			parts = append(strings.Split(a, "."), parts[1:]...)
		}
	}
	if len(parts) > 1 {
		for _, p := range parts {
			if p == "Microsoft" {
				return true
			}
		}
		return false
	}
	ms, win := false, false
	for _, u := range f.usings {
		u = strings.TrimPrefix(u, "winrt.")
		switch u {
		case "Microsoft.Windows.ApplicationModel.Background":
			ms = true
		case "Windows.ApplicationModel.Background":
			win = true
		}
	}
	return ms && !win
}

// extractMethod walks one method body and returns the registrations made
// there, evaluating values in ctx.
func extractMethod(c *ectx) []Registration {
	return extractBody(c, nil, 0)
}

// maxBuilderHelpers bounds the nesting of helpers a builder is handed to.
const maxBuilderHelpers = 4

// extractBody is extractMethod with builders handed in by a caller
// (bound: parameter name → the caller's builder), at helper depth depth.
// A bound builder's configuration and Register() calls here add to the
// caller's builder.
func extractBody(c *ectx, bound map[string]*builderState, depth int) []Registration {
	m := c.m
	f := c.f
	toks := m.body()
	var out []Registration
	vars := map[string]*builderState{}
	for k, b := range bound {
		vars[k] = b
	}
	var all []*builderState
	var withStack []string
	key := c.key
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != TokIdent && !isPunct(t, ".") && !isPunct(t, "(") {
			continue
		}
		// VB With blocks
		if f.lang == VB && isIdentFold(t, "With") && (i == 0 || toks[i-1].Kind == TokNewline) && i+1 < len(toks) && toks[i+1].Kind == TokIdent {
			withStack = append(withStack, key(toks[i+1].Text))
			continue
		}
		if f.lang == VB && isIdentFold(t, "End") && i+1 < len(toks) && isIdentFold(toks[i+1], "With") && len(withStack) > 0 {
			withStack = withStack[:len(withStack)-1]
			i++
			continue
		}
		if end, init, parts, ok := creation(f.lang, toks, i); ok {
			b := &builderState{pos: f.pos(t), winApp: isWinAppSDK(f, parts)}
			b.variable = builderVar(f.lang, toks, i)
			if c.fields[key(b.variable)] {
				// a field builder: its class's pass follows it across methods
				if fb := bound[key(b.variable)]; fb != nil {
					b = fb
				} else {
					if end > i+1 {
						i = end - 1
					}
					continue
				}
			}
			if b.variable != "" && !c.fields[key(b.variable)] {
				if old := vars[key(b.variable)]; old != nil && old.regs == 0 && old != b && (old.epSet || old.clsidSet || len(old.triggers) > 0) {
					out = append(out, unregistered(c, old, toks, vars))
					old.regs = -1
				}
				vars[key(b.variable)] = b
			}
			if !c.fields[key(b.variable)] {
				all = append(all, b)
			}
			if init != nil {
				for _, item := range splitTop(init, ",") {
					item = trimNewlines(item)
					if len(item) > 0 && isPunct(item[0], ".") {
						item = item[1:]
					}
					if len(item) >= 3 && item[0].Kind == TokIdent && isPunct(item[1], "=") {
						applyMember(c, b, item[0], -1, item[2:], &out)
					}
				}
			}
			if end > i+1 {
				i = end - 1
			}
			continue
		}
		// the Windows Community Toolkit's BackgroundTaskHelper.Register(…)
		if isIdent(t, toolkitHelper) && i+3 < len(toks) && isAccess(toks[i+1]) && isIdentFold(toks[i+2], "Register") && isPunct(toks[i+3], "(") {
			if r, end, ok := toolkitRegistration(c, toks, i); ok {
				out = append(out, r)
				i = max(i, end)
				continue
			}
		}
		// b5 = builder.as<IBackgroundTaskBuilder5>() and other aliases
		if t.Kind == TokIdent && len(vars) > 0 {
			if end, b := aliasAssignment(c, toks, i, vars); b != nil {
				vars[key(t.Text)] = b
				i = max(i, end-1)
				continue
			}
		}
		// Helper(builder, …): a builder handed to a method of the App
		if t.Kind == TokIdent && depth < maxBuilderHelpers && i+1 < len(toks) && isPunct(toks[i+1], "(") && len(vars) > 0 {
			if end, ok := handBuilder(c, toks, i, vars, depth, &out); ok {
				i = max(i, end)
				continue
			}
		}
		// builder.Member
		var b *builderState
		var memberAt int
		switch {
		case isPunct(t, ".") && f.lang == VB && len(withStack) > 0 && (i == 0 || toks[i-1].Kind == TokNewline):
			b = vars[withStack[len(withStack)-1]]
			memberAt = i + 1
		case t.Kind == TokIdent && i+2 < len(toks) && isAccess(toks[i+1]) && toks[i+2].Kind == TokIdent:
			if i > 0 && isAccess(toks[i-1]) && !(i >= 2 && (isIdent(toks[i-2], "this") || isIdentFold(toks[i-2], "Me"))) {
				continue
			}
			b = vars[key(t.Text)]
			memberAt = i + 2
		case isPunct(t, "(") && len(vars) > 0 && i+2 < len(toks) && (isPunct(toks[i+1], "(") || isIdent(toks[i+2], "as")) && (i == 0 || !callOpener(toks[i-1])):
			// ((IBackgroundTaskBuilder5)builder).Member, (builder as I…).Member
			if k := matchClose(toks, i); k+2 < len(toks) && isAccess(toks[k+1]) && toks[k+2].Kind == TokIdent {
				b = builderOf(c, toks[i+1:k], vars)
				memberAt = k + 2
			}
		}
		if b == nil || memberAt >= len(toks) || toks[memberAt].Kind != TokIdent {
			continue
		}
		memberAt = skipInterfaceCasts(toks, memberAt)
		member := toks[memberAt]
		next := memberAt + 1
		if (isIdent(member, "QueryInterface") || isIdent(member, "as") || isIdent(member, "try_as")) && next < len(toks) && isPunct(toks[next], "(") {
			// builder->QueryInterface(IID_PPV_ARGS(&b5)), builder.as(b5)
			aliasOutArgs(c, toks[next+1:min(matchClose(toks, next), len(toks))], b, vars)
			continue
		}
		switch {
		case next < len(toks) && isPunct(toks[next], "="):
			end := exprEnd(c.f.lang, toks, next+1)
			applyMember(c, b, member, memberAt, toks[next+1:end], &out)
			i = max(i, end-1)
		case next < len(toks) && isPunct(toks[next], "("):
			close := matchClose(toks, next)
			args := toks[next+1 : min(close, len(toks))]
			applyMember(c, b, member, memberAt, args, &out)
			if strings.EqualFold(member.Text, "Register") {
				p := f.pos(member)
				out = append(out, b.snapshot(f.lang, &p, toks, memberAt))
				b.regs++
			}
		}
	}
	for _, b := range all {
		// a builder never registered here still counts when it was
		// configured (it may be returned and registered elsewhere)
		if b.regs == 0 && (b.epSet || b.clsidSet || len(b.triggers) > 0) {
			out = append(out, unregistered(c, b, toks, vars))
		}
	}
	return out
}

// unregistered is the registration of a configured builder that its method
// never registers. It is Discarded when the builder never leaves the method
// either: then nothing can register it, and the tokens that spelled its
// entry point are no mention of the task (a Register() call deleted while
// the manifest kept the declaration is what BG104 reports).
func unregistered(c *ectx, b *builderState, toks []Token, vars map[string]*builderState) Registration {
	r := b.snapshot(c.f.lang, nil, toks, len(toks))
	if !leavesMethod(c, b, toks, vars) {
		r.Discarded = true
		c.ix.markDiscarded(b.spelled)
	}
	return r
}

// leavesMethod reports whether builder b may be registered outside the
// method body toks: it has no variable (an expression handed on), or one
// of its variables is used other than by a member access, a declaration,
// an assignment to it, a comparison or a VB With: returned, passed as an
// argument (also to a helper of the App), stored, captured by a
// collection. When unsure it answers yes.
func leavesMethod(c *ectx, b *builderState, toks []Token, vars map[string]*builderState) bool {
	if b.variable == "" {
		return true
	}
	names := map[string]bool{c.key(b.variable): true}
	for k, v := range vars {
		if v == b {
			names[k] = true
		}
	}
	for i, t := range toks {
		if t.Kind != TokIdent || !names[c.key(t.Text)] {
			continue
		}
		if i > 0 && isAccess(toks[i-1]) {
			if i >= 2 && (isIdent(toks[i-2], "this") || isIdentFold(toks[i-2], "Me")) {
				return true // this.builder: a field, seen by other methods
			}
			continue // another object's member of the same name
		}
		if !localUse(c.f.lang, toks, i) {
			return true
		}
	}
	return false
}

// localUse reports whether the builder variable at toks[i] is used in a way
// that keeps the builder in its method.
func localUse(lang Language, toks []Token, i int) bool {
	var prev, next Token
	if i > 0 {
		prev = toks[i-1]
	}
	if i+1 < len(toks) {
		next = toks[i+1]
	}
	switch {
	case isAccess(next): // builder.TaskEntryPoint = …, builder->Register()
		return true
	case isPunct(next, "="): // builder = new …; var builder = …
		return true
	case isPunct(next, "==") || isPunct(next, "!=") || isPunct(prev, "==") || isPunct(prev, "!="):
		return true
	case lang == VB && (isIdentFold(next, "As") || isIdentFold(prev, "With") || isIdentFold(next, "Is") || isIdentFold(next, "IsNot")):
		return true
	case lang == CPP && (isPunct(next, ";") || isPunct(next, "{") || isPunct(next, "(")) &&
		(isIdent(prev, builderClass) || isPunct(prev, "^") || isPunct(prev, "&")):
		// BackgroundTaskBuilder builder; builder{…}; builder(…)
		return true
	}
	return false
}

func trimNewlines(toks []Token) []Token {
	for len(toks) > 0 && toks[0].Kind == TokNewline {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].Kind == TokNewline {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// applyMember applies builder.Member = value or builder.Member(args).
//
// at is the member token's index in the method body (-1 in an
// initialiser).
func applyMember(c *ectx, b *builderState, member Token, at int, arg []Token, out *[]Registration) {
	switch strings.ToLower(member.Text) {
	case "taskentrypoint", "put_taskentrypoint":
		// put_TaskEntryPoint: the ABI's property setter, which WRL code
		// calls and decompiled code spells (audit 27: WalletPass)
		if isNullExpr(c, arg) || at >= 0 && isEmptyStringExpr(c, arg) && guardedAgainstEmpty(c.m.body(), at, arg) {
			// "if (entryPoint != null) builder.TaskEntryPoint = entryPoint"
			// called with null, or "if (entryPoint != string.Empty) …"
			// called with string.Empty (the Windows Community Toolkit's
			// in-process overload): the task stays in-process
			b.ep, b.epSet = Value{}, false
			return
		}
		for _, t := range arg {
			b.spelled = append(b.spelled, c.f.pos(t))
		}
		// and the arguments of the helper calls the value came through
		sc := *c
		sc.spelling = &b.spelled
		b.ep, b.epSet = valueOf(&sc, arg), true
	case "name", "put_name":
		// a discarded builder's name (nameof(X), often) is no mention
		// of the task either
		for _, t := range arg {
			b.spelled = append(b.spelled, c.f.pos(t))
		}
		sc := *c
		sc.spelling = &b.spelled
		b.name, b.nameSet = valueOf(&sc, arg), true
	case "settrigger":
		if isNullExpr(c, arg) {
			return
		}
		set := triggerSet{trigger: triggerOf(c, arg)}
		if at >= 0 {
			set.body, set.at = c.m.body(), at
		}
		b.triggers = append(b.triggers, set)
	case "addcondition":
		if isNullExpr(c, arg) {
			return
		}
		b.conds = append(b.conds, conditionOf(c, arg))
	case "settaskentrypointclsid":
		b.clsid, b.clsidSet = guidValue(c, arg), true
	case "register":
		// WinAppSDK Register(name) / UWP Register() — a name argument
		// names the task when Name was not set.
		if args := splitTop(trimExpr(arg), ","); len(args) == 1 && len(args[0]) > 0 && !b.nameSet {
			if v := valueOf(c, args[0]); v.Resolved {
				b.name, b.nameSet = v, true
			}
		}
	}
}

func guidValue(c *ectx, arg []Token) Value {
	toks := trimExpr(arg)
	out := Value{Expr: exprText(toks)}
	if len(toks) > 0 {
		out.Pos = c.f.pos(toks[0])
		out.Literal = len(toks) == 1 && toks[0].Kind == TokString
	}
	v := c.eval(toks)
	switch {
	case v.kind == vGUID:
		out.Str, out.Resolved = v.s, true
	case v.kind == vString && looksLikeGUID(v.s):
		out.Str, out.Resolved = normGUID(v.s), true
	case v.kind == vGuidOf:
		out.GuidOf, out.GuidOfIID = v.s, v.q
	}
	if v.origin != nil {
		out.Pos, out.Expr, out.Literal = v.origin.Pos, v.origin.Expr, v.origin.Literal
	}
	return out
}

// construct is a resolved "new X(args)" with the context its arguments
// are evaluated in.
type construct struct {
	class string
	args  [][]Token
	ctx   *ectx
	pos   Pos
	ok    bool
}

// constructOf resolves an expression to the object it creates.
func constructOf(c *ectx, toks []Token) construct {
	toks = trimExpr(toks)
	if len(toks) == 0 || c.depth > maxDepth {
		return construct{}
	}
	pos := c.f.pos(toks[0])
	i := 0
	if isIdent(toks[0], "new") || isIdent(toks[0], "gcnew") || (c.fold() && isIdentFold(toks[0], "New")) {
		i = 1
	} else if len(toks) > 1 && isIdent(toks[0], "ref") && isIdent(toks[1], "new") {
		i = 2
	} else if len(toks) > 1 && isIdent(toks[0], "winrt") && isPunct(toks[1], "::") {
		i = 0
	}
	n := len(toks)
	// watcher.GetBackgroundTrigger(...)
	for q := 1; q+1 < n; q++ {
		if isAccess(toks[q-1]) && isIdentFold(toks[q], "GetBackgroundTrigger") && isPunct(toks[q+1], "(") && matchClose(toks, q+1) == n-1 {
			return construct{class: "DeviceWatcherTrigger", ctx: c, pos: pos, ok: true}
		}
	}
	parts, k := qualName(toks, i)
	// C++ value construction names a type: Ns::Type(...), never obj.Method(...)
	valueCtor := c.f.lang == CPP && i == 0 && !hasPunctTop(toks[:k], ".") && !hasPunctTop(toks[:k], "->")
	if len(parts) > 0 && k < len(toks) && (isPunct(toks[k], "(") || isPunct(toks[k], "{")) && (i > 0 || valueCtor) {
		close := matchClose(toks, k)
		rest := close + 1
		if rest == len(toks) || (c.fold() && rest < len(toks) && isIdentFold(toks[rest], "With")) || (isPunct(toks[k], "(") && rest < len(toks) && isPunct(toks[rest], "{") && matchClose(toks, rest) == len(toks)-1) {
			name := parts[len(parts)-1]
			if i == 0 && !looksLikeClass(name) {
				return construct{}
			}
			var args [][]Token
			if inner := toks[k+1 : min(close, len(toks))]; len(inner) > 0 {
				for _, a := range splitTop(inner, ",") {
					args = append(args, trimNewlines(a))
				}
			}
			return construct{class: name, args: args, ctx: c, pos: pos, ok: true}
		}
	}
	if i > 0 && len(parts) > 0 && k == len(toks) {
		// new X (VB without parentheses)
		return construct{class: parts[len(parts)-1], ctx: c, pos: pos, ok: true}
	}
	// C++/WinRT x.as<IBackgroundTrigger>() / try_as, C# (IBackgroundTrigger)x
	// and x as IBackgroundTrigger: the object is x
	if c.f.lang == CPP && n >= 7 && isPunct(toks[n-1], ")") && isPunct(toks[n-2], "(") && isPunct(toks[n-3], ">") {
		for q := n - 4; q >= 2; q-- {
			if isPunct(toks[q], "<") && (isIdent(toks[q-1], "as") || isIdent(toks[q-1], "try_as")) && isAccess(toks[q-2]) {
				return constructOf(c.deeper(), toks[:q-2])
			}
		}
	}
	if c.f.lang == CSharp && n >= 3 && isIdent(toks[n-2], "as") && toks[n-1].Kind == TokIdent {
		return constructOf(c.deeper(), toks[:n-2])
	}
	if c.f.lang == CSharp && n >= 4 && isPunct(toks[0], "(") {
		if close := matchClose(toks, 0); close < n-1 && close >= 2 && toks[close-1].Kind == TokIdent {
			if parts, end := qualName(toks, 1); end == close && len(parts) > 0 && strings.HasPrefix(parts[len(parts)-1], "I") {
				return constructOf(c.deeper(), toks[close+1:])
			}
		}
	}
	// completionGroup.Trigger (C++/WinRT: completionGroup.Trigger())
	if c.f.lang == CPP && n >= 5 && isPunct(toks[n-1], ")") && isPunct(toks[n-2], "(") && isIdentFold(toks[n-3], "Trigger") {
		toks, n = toks[:n-2], n-2
	}
	if n >= 3 && isIdentFold(toks[n-1], "Trigger") && isAccess(toks[n-2]) {
		recv := constructOf(c.deeper(), toks[:n-2])
		if recv.ok && recv.class == "BackgroundTransferCompletionGroup" {
			return construct{class: "BackgroundTransferCompletionGroupTrigger", ctx: c, pos: pos, ok: true}
		}
		return construct{}
	}
	// a variable, field or parameter
	parts, k = qualName(toks, 0)
	if k != n || len(parts) == 0 {
		return construct{}
	}
	if len(parts) == 2 && (parts[0] == "this" || c.fold() && strings.EqualFold(parts[0], "Me")) {
		parts = parts[1:]
	}
	if len(parts) != 1 {
		return construct{}
	}
	name := parts[0]
	if c.m != nil {
		if idx := c.m.paramIndex(name, c.fold()); idx >= 0 {
			if c.env != nil {
				if b, ok := c.env.params[c.key(c.m.params[idx].name)]; ok {
					return constructOf(b.ctx.deeper(), b.toks)
				}
			}
			if c.usedParam != nil {
				*c.usedParam = true
			}
			return construct{}
		}
		var found []construct
		for _, rhs := range c.ix.localAssignsAt(c.m, name, c.fold(), toks[0]) {
			found = append(found, constructOf(c.deeper(), rhs))
		}
		if len(found) > 0 {
			return agreeConstruct(found)
		}
	}
	// fields: assignments in the same class first, then the same file,
	// then anywhere in the App
	tiers := [3][]construct{}
	c.ix.want(name)
	for _, a := range c.ix.constructs[strings.ToLower(name)] {
		if a.file.lang != c.f.lang && !(a.file.lang == CPP || c.f.lang == CPP) {
			continue
		}
		ac := ctxFor(c.ix, a.file, a.m, nil)
		ac.depth = c.depth + 1
		k := constructOf(ac, a.rhs)
		switch {
		case c.m != nil && a.m != nil && a.m.class != nil && a.m.class == c.m.class:
			tiers[0] = append(tiers[0], k)
		case a.file == c.f:
			tiers[1] = append(tiers[1], k)
		default:
			tiers[2] = append(tiers[2], k)
		}
	}
	for _, found := range tiers {
		if len(found) > 0 {
			return agreeConstruct(found)
		}
	}
	return construct{}
}

func looksLikeClass(name string) bool {
	return strings.HasSuffix(name, "Trigger") || strings.HasSuffix(name, "Condition") || name == "BackgroundTransferCompletionGroup"
}

// agreeConstruct keeps a construct only when every assignment creates the
// same class; arguments are kept only when they are textually identical.
func agreeConstruct(found []construct) construct {
	first := found[0]
	if !first.ok {
		return construct{}
	}
	for _, f := range found[1:] {
		if !f.ok || f.class != first.class {
			return construct{}
		}
		if argsText(f.args) != argsText(first.args) {
			first.args = nil
			first.ctx = nil
		}
	}
	return first
}

func argsText(args [][]Token) string {
	var parts []string
	for _, a := range args {
		parts = append(parts, exprText(a))
	}
	return strings.Join(parts, ",")
}

// namedArg returns the argument bound to name (C# "name: v", VB
// "name:=v") or the positional argument idx.
func namedArg(args [][]Token, idx int, names ...string) []Token {
	for _, a := range args {
		if len(a) >= 2 && a[0].Kind == TokIdent && (isPunct(a[1], ":") || isPunct(a[1], ":=")) {
			for _, n := range names {
				if strings.EqualFold(a[0].Text, n) {
					return a[2:]
				}
			}
		}
	}
	if idx < len(args) {
		a := args[idx]
		if len(a) >= 2 && a[0].Kind == TokIdent && (isPunct(a[1], ":") || isPunct(a[1], ":=")) {
			return nil
		}
		return a
	}
	return nil
}

func triggerOf(c *ectx, arg []Token) Trigger {
	toks := trimExpr(arg)
	tr := Trigger{FreshnessMinutes: -1, Args: []string{}}
	if len(toks) > 0 {
		tr.Pos = c.f.pos(toks[0])
	}
	k := constructOf(c, toks)
	if !k.ok {
		return tr
	}
	tr.Class, tr.Resolved = k.class, true
	tr.Pos = k.pos
	for _, a := range k.args {
		tr.Args = append(tr.Args, exprText(a))
	}
	if k.ctx == nil {
		return tr
	}
	switch k.class {
	case "TimeTrigger", "MaintenanceTrigger":
		if a := namedArg(k.args, 0, "freshnessTime"); a != nil {
			if v := k.ctx.eval(a); v.kind == vInt {
				tr.FreshnessMinutes = v.n
			}
		}
		if a := namedArg(k.args, 1, "oneShot"); a != nil {
			if v := k.ctx.eval(a); v.kind == vBool {
				b := v.n == 1
				tr.OneShot = &b
			}
		}
	case "SystemTrigger":
		if a := namedArg(k.args, 0, "triggerType"); a != nil {
			if v := k.ctx.eval(a); v.kind == vMember {
				tr.SystemTriggerType = v.s
			}
		}
		if a := namedArg(k.args, 1, "oneShot"); a != nil {
			if v := k.ctx.eval(a); v.kind == vBool {
				b := v.n == 1
				tr.OneShot = &b
			}
		}
	}
	return tr
}

func conditionOf(c *ectx, arg []Token) Condition {
	toks := trimExpr(arg)
	var cond Condition
	if len(toks) > 0 {
		cond.Pos = c.f.pos(toks[0])
	}
	k := constructOf(c, toks)
	if !k.ok {
		return cond
	}
	cond.Class, cond.Pos = k.class, k.pos
	if k.ctx != nil && len(k.args) > 0 {
		if v := k.ctx.eval(k.args[0]); v.kind == vMember {
			cond.Type = v.s
		}
	}
	return cond
}

// isNullExpr reports an argument that is (or is a parameter bound to) a
// null literal: "if (condition != null) builder.AddCondition(condition)"
// called with null adds nothing.
func isNullExpr(c *ectx, toks []Token) bool {
	toks = trimExpr(toks)
	if len(toks) != 1 || toks[0].Kind != TokIdent || c.depth > maxDepth {
		return false
	}
	switch toks[0].Text {
	case "null", "nullptr", "undefined":
		return true
	}
	if c.fold() && strings.EqualFold(toks[0].Text, "Nothing") {
		return true
	}
	if c.m != nil && c.env != nil {
		if idx := c.m.paramIndex(toks[0].Text, c.fold()); idx >= 0 {
			if b, ok := c.env.params[c.key(c.m.params[idx].name)]; ok {
				return isNullExpr(b.ctx.deeper(), b.toks)
			}
		}
	}
	return false
}

// isEmptyStringExpr reports a C# "" or string.Empty, written there or
// bound to the helper parameter written there.
func isEmptyStringExpr(c *ectx, toks []Token) bool {
	toks = trimExpr(toks)
	if c.f.lang != CSharp || c.depth > maxDepth {
		return false
	}
	if isEmptyStringToks(toks) {
		return true
	}
	if len(toks) == 1 && toks[0].Kind == TokIdent && c.m != nil && c.env != nil {
		if idx := c.m.paramIndex(toks[0].Text, false); idx >= 0 {
			if b, ok := c.env.params[c.key(c.m.params[idx].name)]; ok {
				return b.ctx.f.lang == CSharp && isEmptyStringExpr(b.ctx.deeper(), b.toks)
			}
		}
	}
	return false
}

func isEmptyStringToks(toks []Token) bool {
	switch {
	case len(toks) == 1:
		return toks[0].Kind == TokString && toks[0].Value == "" && !toks[0].Holes
	case len(toks) == 3:
		return (isIdent(toks[0], "string") || isIdent(toks[0], "String")) && isPunct(toks[1], ".") && isIdent(toks[2], "Empty")
	}
	return false
}

// guardedAgainstEmpty reports whether the assignment to the member at
// toks[at] (builder.TaskEntryPoint = value) runs only when value is not
// empty: it is the statement, or in the block, of an
// "if (value != string.Empty)", "if (value != \"\")" or
// "if (!string.IsNullOrEmpty(value))" (IsNullOrWhiteSpace too).
func guardedAgainstEmpty(toks []Token, at int, value []Token) bool {
	j := at - 1
	for j >= 0 && (toks[j].Kind == TokIdent || isAccess(toks[j])) {
		j-- // the receiver: builder, this.builder
	}
	if j >= 0 && (isPunct(toks[j], ";") || isPunct(toks[j], "}")) {
		// an earlier statement of a block: find the block's opening brace
		depth := 0
		for ; j >= 0; j-- {
			if isPunct(toks[j], "}") {
				depth++
			} else if isPunct(toks[j], "{") {
				if depth == 0 {
					break
				}
				depth--
			}
		}
	}
	if j >= 0 && isPunct(toks[j], "{") {
		j--
	}
	if j < 1 || !isPunct(toks[j], ")") {
		return false
	}
	open := matchOpen(toks, j)
	if open < 1 || !isIdent(toks[open-1], "if") {
		return false
	}
	cond := trimExpr(toks[open+1 : j])
	want := exprText(trimExpr(value))
	if sides := splitTop(cond, "!="); len(sides) == 2 {
		l, r := trimExpr(sides[0]), trimExpr(sides[1])
		return exprText(l) == want && isEmptyStringToks(r) || exprText(r) == want && isEmptyStringToks(l)
	}
	if len(cond) > 6 && isPunct(cond[0], "!") && (isIdent(cond[1], "string") || isIdent(cond[1], "String")) && isPunct(cond[2], ".") &&
		(isIdent(cond[3], "IsNullOrEmpty") || isIdent(cond[3], "IsNullOrWhiteSpace")) && isPunct(cond[4], "(") && matchClose(cond, 4) == len(cond)-1 {
		return exprText(trimExpr(cond[5:len(cond)-1])) == want
	}
	return false
}

// handBuilder follows a call Name(…, builder, …) at toks[i] into the
// App's method Name whose parameter at that place is a builder: the
// method's body configures and registers the caller's builder. It returns
// the index of the call's closing parenthesis.
func handBuilder(c *ectx, toks []Token, i int, vars map[string]*builderState, depth int, out *[]Registration) (int, bool) {
	if i >= 1 && isAccess(toks[i-1]) {
		recv := receiverName(toks, i-1)
		if len(recv) != 1 || !(isSelf(recv[0]) || c.m.class != nil && equalName(recv[0], c.m.class.name, c.fold())) {
			return 0, false
		}
	}
	close := matchClose(toks, i+1)
	if close >= len(toks) || close-i > maxCallSpan {
		return 0, false
	}
	var args [][]Token
	if inner := toks[i+2 : close]; len(inner) > 0 {
		for _, a := range splitTop(inner, ",") {
			args = append(args, trimNewlines(a))
		}
	}
	handed := map[int]*builderState{}
	for k, a := range args {
		if a = trimExpr(a); len(a) == 1 && a[0].Kind == TokIdent {
			if b := vars[c.key(a[0].Text)]; b != nil {
				handed[k] = b
			}
		}
	}
	if len(handed) == 0 {
		return 0, false
	}
	for _, h := range c.ix.methodsNamed(toks[i].Text, c.fold()) {
		if h == c.m || !arityFits(h, args) || (h.file.lang != c.f.lang && !(h.file.lang == CPP && c.f.lang == CPP)) {
			continue
		}
		bound := map[string]*builderState{}
		for k, b := range handed {
			if k < len(h.params) && builderParam(h.file.lang, h.params[k]) {
				key := h.params[k].name
				if h.file.lang == VB {
					key = strings.ToLower(key)
				}
				bound[key] = b
			}
		}
		if len(bound) == 0 {
			continue
		}
		hc := ctxFor(c.ix, h.file, h, bindArgs(h, args, c))
		hc.depth = c.depth + 1
		*out = append(*out, extractBody(hc, bound, depth+1)...)
		return close, true
	}
	return 0, false
}

// builderParam reports whether a parameter may hold a BackgroundTaskBuilder:
// declared so (any qualification, pointer, reference or hat), or untyped
// (JavaScript, VB without As).
func builderParam(lang Language, p param) bool {
	if p.typ == "" {
		return lang == JavaScript || lang == VB
	}
	t := simpleTypeName(strings.TrimSuffix(strings.TrimSpace(strings.ReplaceAll(p.typ, "const", "")), "&"))
	return strings.EqualFold(t, builderClass) || strings.EqualFold(t, "I"+builderClass)
}

// Interface aliases of a builder: IBackgroundTaskBuilder2…6 expose the
// later members (SetTaskEntryPointClsid on IBackgroundTaskBuilder5, …) on
// the same object, so what is set through an alias is set on the builder.

// builderOf returns the builder an expression stands for: a builder
// variable, possibly cast to one of its interfaces (C++/WinRT
// .as<I>()/.try_as<I>(), C++/CX safe_cast/dynamic_cast, C# (I)b and b as
// I, VB DirectCast/CType/TryCast); nil otherwise.
func builderOf(c *ectx, toks []Token, vars map[string]*builderState) *builderState {
	toks = trimExpr(toks)
	n := len(toks)
	switch {
	case n == 0:
		return nil
	case n == 1 && toks[0].Kind == TokIdent:
		return vars[c.key(toks[0].Text)]
	case n == 3 && (isIdent(toks[0], "this") || isIdentFold(toks[0], "Me")) && isAccess(toks[1]):
		return vars[c.key(toks[2].Text)]
	}
	// b.as<I>() / b.try_as<I>()
	if n >= 6 && toks[0].Kind == TokIdent && isAccess(toks[1]) && (isIdent(toks[2], "as") || isIdent(toks[2], "try_as")) && isPunct(toks[3], "<") {
		if gt := matchClose(toks, 3); gt+2 == n-1 && isPunct(toks[gt+1], "(") && isPunct(toks[n-1], ")") {
			return vars[c.key(toks[0].Text)]
		}
	}
	// safe_cast<I^>(b), dynamic_cast<…>(b), static_cast<…>(b)
	if n >= 6 && toks[0].Kind == TokIdent && strings.HasSuffix(toks[0].Text, "_cast") && isPunct(toks[1], "<") {
		if gt := matchClose(toks, 1); gt+1 < n && isPunct(toks[gt+1], "(") && matchClose(toks, gt+1) == n-1 {
			return builderOf(c, toks[gt+2:n-1], vars)
		}
	}
	// C# (I)b
	if c.f.lang == CSharp && isPunct(toks[0], "(") {
		if k := matchClose(toks, 0); k < n-1 && k >= 2 {
			if parts, end := qualName(toks, 1); end == k && len(parts) > 0 {
				return builderOf(c, toks[k+1:], vars)
			}
		}
	}
	// C# b as I
	if c.f.lang == CSharp && n >= 3 && isIdent(toks[1], "as") {
		return builderOf(c, toks[:1], vars)
	}
	// VB DirectCast(b, I), CType(b, I), TryCast(b, I)
	if c.f.lang == VB && n >= 4 && (isIdentFold(toks[0], "DirectCast") || isIdentFold(toks[0], "CType") || isIdentFold(toks[0], "TryCast")) && isPunct(toks[1], "(") && matchClose(toks, 1) == n-1 {
		if args := splitTop(toks[2:n-1], ","); len(args) == 2 {
			return builderOf(c, args[0], vars)
		}
	}
	return nil
}

// aliasAssignment recognises "X = <builder expression>" at toks[i] (with
// a declaration's type between: Dim X As I = …, I5 X = …), and in C++ the
// brace-initialised declaration "auto X{ <builder expression> }" (or
// "I5 X{ … }"), and returns the end of the expression and the builder.
func aliasAssignment(c *ectx, toks []Token, i int, vars map[string]*builderState) (int, *builderState) {
	if end, b := braceAlias(c, toks, i, vars); b != nil {
		return end, b
	}
	j := i + 1
	if c.f.lang == VB && j < len(toks) && isIdentFold(toks[j], "As") {
		for j < len(toks) && !isPunct(toks[j], "=") && toks[j].Kind != TokNewline {
			j++
		}
	}
	if j >= len(toks) || !isPunct(toks[j], "=") || (i >= 1 && isAccess(toks[i-1])) {
		return 0, nil
	}
	end := exprEnd(c.f.lang, toks, j+1)
	b := builderOf(c, toks[j+1:end], vars)
	if b == nil || vars[c.key(toks[i].Text)] == b {
		return 0, nil
	}
	return end, b
}

// braceAlias recognises a C++ declaration initialised with braces, "auto
// X{ b.as<I>() }", "I5 X{ b.try_as<I5>() }", "I5^ X{ safe_cast<I5^>(b) }",
// at toks[i] (X), and returns the end of the braces and the builder. The
// token before X must end a type (a name, "auto", a closing ">" or a
// "^", "*" or "&"), so that a block opened after a keyword (else { b; })
// or a member initialiser (: m_b{ b }) is no declaration; the braces must
// hold one expression.
func braceAlias(c *ectx, toks []Token, i int, vars map[string]*builderState) (int, *builderState) {
	if c.f.lang != CPP || i == 0 || i+1 >= len(toks) || !isPunct(toks[i+1], "{") {
		return 0, nil
	}
	prev := toks[i-1]
	if !(prev.Kind == TokIdent && !cppStatementKeyword(prev.Text) || isPunct(prev, ">") || isPunct(prev, "^") || isPunct(prev, "*") || isPunct(prev, "&")) {
		return 0, nil
	}
	k := matchClose(toks, i+1)
	if k >= len(toks) {
		return 0, nil
	}
	inner := toks[i+2 : k]
	for _, t := range inner {
		if isPunct(t, ";") {
			return 0, nil
		}
	}
	b := builderOf(c, inner, vars)
	if b == nil || vars[c.key(toks[i].Text)] == b {
		return 0, nil
	}
	return k + 1, b
}

// cppStatementKeyword reports the C++ keywords a block or an expression
// may follow directly: "else { … }", "return { … }".
func cppStatementKeyword(s string) bool {
	switch s {
	case "else", "do", "try", "return", "co_return", "co_yield", "throw", "case", "goto", "new", "delete", "struct", "class", "enum", "union", "namespace":
		return true
	}
	return false
}

// aliasOutArgs makes the variables a QueryInterface or as(out) call fills
// (&X, or a plain X) aliases of builder b.
func aliasOutArgs(c *ectx, args []Token, b *builderState, vars map[string]*builderState) {
	for k := 0; k < len(args); k++ {
		if isPunct(args[k], "&") && k+1 < len(args) && args[k+1].Kind == TokIdent && (k+2 >= len(args) || !isAccess(args[k+2])) {
			vars[c.key(args[k+1].Text)] = b
		}
	}
	if a := trimExpr(args); len(a) == 1 && a[0].Kind == TokIdent {
		vars[c.key(a[0].Text)] = b
	}
}

// skipInterfaceCasts moves past C++/WinRT .as<I>() / .try_as<I>() casts
// chained on a builder: builder.as<IBackgroundTaskBuilder5>().Member.
func skipInterfaceCasts(toks []Token, at int) int {
	for at+1 < len(toks) && (isIdent(toks[at], "as") || isIdent(toks[at], "try_as")) && isPunct(toks[at+1], "<") {
		gt := matchClose(toks, at+1)
		if gt+4 >= len(toks) || !isPunct(toks[gt+1], "(") || !isPunct(toks[gt+2], ")") || !isAccess(toks[gt+3]) || toks[gt+4].Kind != TokIdent {
			return at
		}
		at = gt + 4
	}
	return at
}

// callOpener reports a token after which "(" opens a call's arguments,
// not a parenthesised expression.
func callOpener(t Token) bool {
	if t.Kind == TokIdent {
		switch strings.ToLower(t.Text) {
		case "return", "await", "co_await", "in", "if", "while", "else", "and", "or", "not":
			return false
		}
		return true
	}
	return isPunct(t, ")") || isPunct(t, "]") || isPunct(t, ">")
}

// toolkitHelper is the Windows Community Toolkit's static class
// (Microsoft.Toolkit.Uwp.Helpers) whose Register overloads build and
// register a task:
//
//	Register(Type taskType, IBackgroundTrigger trigger, bool forceRegister = false, bool enforceConditions = true, params IBackgroundCondition[] conditions)
//	Register(string name, string entryPoint, IBackgroundTrigger trigger, …same…)
//	Register(string name, IBackgroundTrigger trigger, …same…)   (in-process)
//
// The Type overload names the task taskType.Name with the entry point
// taskType.FullName. Each looks the task up among the registered ones
// first (Registration.ChecksExisting).
const toolkitHelper = "BackgroundTaskHelper"

// toolkitRegistration reads BackgroundTaskHelper.Register(…) at toks[i];
// it returns the index of the call's closing parenthesis. An App that
// defines its own BackgroundTaskHelper class calls that one instead.
func toolkitRegistration(c *ectx, toks []Token, i int) (Registration, int, bool) {
	if c.f.lang != CSharp && c.f.lang != VB || ownToolkitNamesake(c) {
		return Registration{}, 0, false
	}
	open := i + 3
	close := matchClose(toks, open)
	if close >= len(toks) {
		return Registration{}, 0, false
	}
	var args [][]Token
	if inner := toks[open+1 : close]; len(inner) > 0 {
		for _, a := range splitTop(inner, ",") {
			args = append(args, trimNewlines(a))
		}
	}
	if len(args) < 2 {
		return Registration{}, 0, false
	}
	r := Registration{Pos: c.f.pos(toks[i]), Language: c.f.lang, RegisterCalls: []Pos{c.f.pos(toks[i+2])}, ChecksExisting: true, Triggers: []Trigger{}, Conditions: []Condition{}}
	first := trimExpr(namedArg(args, 0, "backgroundTaskType", "backgroundTaskName"))
	var trigger []Token
	var rest [][]Token // the arguments after the trigger
	if v := c.eval(first); v.kind == vType || len(first) > 0 && (isIdent(first[0], "typeof") || isIdentFold(first[0], "GetType")) {
		// Register(Type, trigger, …)
		r.EntryPointSet = true
		r.EntryPoint = Value{Expr: exprText(first), Pos: c.f.pos(first[0])}
		r.Name = Value{Expr: exprText(first), Pos: c.f.pos(first[0])}
		if v.kind == vType {
			r.EntryPoint.Str, r.EntryPoint.Resolved = v.s, true
			r.Name.Str, r.Name.Resolved = lastPart(v.s), true
		}
		trigger, rest = namedArg(args, 1, "trigger"), args[min(2, len(args)):]
	} else {
		r.Name = valueOf(c, first)
		second := namedArg(args, 1, "backgroundTaskEntryPoint", "trigger")
		inProcess := constructOf(c, second).ok && strings.HasSuffix(constructOf(c, second).class, "Trigger")
		if len(args) >= 3 {
			if b := c.eval(namedArg(args, 2)); b.kind == vBool {
				inProcess = true // Register(name, trigger, forceRegister, …)
			}
		}
		if inProcess {
			trigger, rest = second, args[min(2, len(args)):]
		} else {
			r.EntryPointSet = true
			r.EntryPoint = valueOf(c, second)
			trigger, rest = namedArg(args, 2, "trigger"), args[min(3, len(args)):]
		}
	}
	if trigger != nil && !isNullExpr(c, trigger) {
		r.Triggers = append(r.Triggers, triggerOf(c, trigger))
	}
	// forceRegister, enforceConditions, then the conditions
	for k, a := range rest {
		if k >= 2 && !isNullExpr(c, a) {
			r.Conditions = append(r.Conditions, conditionOf(c, a))
		}
	}
	return r, close, true
}

// ownToolkitNamesake reports an App class named like the Toolkit's helper
// that has a Register method of its own: the call may be that class's. A
// namesake without one (audit 29: UWPX's UI project keeps a static
// BackgroundTaskHelper of other helpers) cannot be what
// BackgroundTaskHelper.Register calls.
func ownToolkitNamesake(c *ectx) bool {
	for _, cl := range c.ix.classesNamed(toolkitHelper, c.fold()) {
		for _, m := range cl.methods {
			if equalName(m.name, "Register", c.fold() || m.file.lang == VB) {
				return true
			}
		}
	}
	return false
}

// declaresLocalNamed reports a declaration of a local called name in b:
// "var name = …", "T name = …", "T name;" (audit 31: a method that
// declares var builder and later assigns builder = new … again is no
// field's).
func declaresLocalNamed(lang Language, b []Token, name string, fold bool) bool {
	for i, t := range b {
		if !identIs(t, name, fold) || i+1 >= len(b) {
			continue
		}
		switch {
		case isPunct(b[i+1], "=") && declaresLocal(lang, b, i):
			return true
		case isPunct(b[i+1], ";") && i > 0 && b[i-1].Kind == TokIdent:
			switch b[i-1].Text {
			case "return", "await", "yield", "throw", "else", "in", "out", "ref", "case", "goto", "co_await", "co_return", "delete":
			default:
				return true
			}
		case lang == VB && i > 0 && isIdentFold(b[i-1], "Dim"):
			return true
		}
	}
	return false
}

// Builders kept in a field: created in one method of a class (field =
// new BackgroundTaskBuilder()), configured in others, registered in yet
// another. Each such field is followed through the class's methods in
// source order as one builder; the methods' own extraction leaves it out.

// builderFields lists the fields of class cl assigned a new builder in one
// of its methods and used as a builder in another.
func builderFields(cl *classDecl) map[string]bool {
	fold := cl.file.lang == VB
	key := func(s string) string {
		if fold {
			return strings.ToLower(s)
		}
		return s
	}
	created := map[string]*methodDecl{}
	for _, m := range cl.methods {
		toks := m.body()
		for i := 2; i < len(toks); i++ {
			if !isPunct(toks[i-1], "=") || toks[i-2].Kind != TokIdent {
				continue
			}
			if _, _, _, ok := creation(cl.file.lang, toks, i); !ok {
				continue
			}
			name := toks[i-2].Text
			if i >= 3 && toks[i-3].Kind == TokIdent && !isAccess(toks[i-3]) {
				continue // a local declaration: var b = …, auto b = …
			}
			if i >= 4 && isAccess(toks[i-3]) && !(isIdent(toks[i-4], "this") || isIdentFold(toks[i-4], "Me")) {
				continue // other.b = …
			}
			if m.paramIndex(name, fold) < 0 && !declaresLocalNamed(cl.file.lang, toks, name, fold) {
				created[key(name)] = m
			}
		}
	}
	var out map[string]bool
	for name, at := range created {
		for _, m := range cl.methods {
			if m == at || declaresLocalNamed(cl.file.lang, m.body(), name, fold) {
				continue // its own local of that name
			}
			toks := m.body()
			for i := 0; i+2 < len(toks); i++ {
				if toks[i].Kind == TokIdent && key(toks[i].Text) == name && isAccess(toks[i+1]) && toks[i+2].Kind == TokIdent && (i == 0 || !isAccess(toks[i-1]) || i >= 2 && (isIdent(toks[i-2], "this") || isIdentFold(toks[i-2], "Me"))) {
					if out == nil {
						out = map[string]bool{}
					}
					out[name] = true
					break
				}
			}
		}
	}
	return out
}

// fieldRegistrations follows each builder field of cl through the class's
// methods in source order.
func fieldRegistrations(ix *appIndex, cl *classDecl, fields map[string]bool) []Registration {
	var out []Registration
	methods := append([]*methodDecl{}, cl.methods...)
	sortMethods(methods)
	for name := range fields {
		var b *builderState
		for _, m := range methods {
			if b = fieldCreation(m, name); b != nil {
				break
			}
		}
		if b == nil {
			continue
		}
		for _, m := range methods {
			c := ctxFor(ix, m.file, m, nil)
			c.fields = fields
			for _, r := range extractBody(c, map[string]*builderState{name: b}, 0) {
				if r.Pos == b.pos { // the method's own builders come from its own pass
					out = append(out, r)
				}
			}
		}
		if b.regs == 0 && (b.epSet || b.clsidSet || len(b.triggers) > 0) {
			out = append(out, b.snapshot(cl.file.lang, nil, nil, 0))
		}
	}
	return out
}

// fieldCreation is the builder that m creates for field name (nil when m
// creates none).
func fieldCreation(m *methodDecl, name string) *builderState {
	toks := m.body()
	for i := range toks {
		if _, _, parts, ok := creation(m.file.lang, toks, i); ok && equalName(builderVar(m.file.lang, toks, i), name, m.file.lang == VB) {
			return &builderState{pos: m.file.pos(toks[i]), variable: name, winApp: isWinAppSDK(m.file, parts)}
		}
	}
	return nil
}

func sortMethods(ms []*methodDecl) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && posLess(ms[j].pos, ms[j-1].pos); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
