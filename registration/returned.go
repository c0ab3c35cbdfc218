package registration

// Builders that a helper configures and returns, and its caller registers:
//
//	BackgroundTaskBuilder Create(string name, …) { var b = new …; b.SetTrigger(…); return b; }
//	var builder = Create("Sync", …);
//	builder.Register();
//
// The helper's registration comes through the call (Via) with no Register()
// of its own; the caller's Register() on the returned builder is its
// registering call, where BG207 and BG208 judge it (audit 23: Steppy and
// mvegaca build their builders in such helpers).

// linkReturnedBuilders gives RegisterCalls to the registrations of a helper
// that returns its builder, from the Register() calls its caller makes on
// the result: Create(…).Register(), or a variable assigned the result and
// registered later in the same method.
func linkReturnedBuilders(ix *appIndex, regs []Registration) {
	for k := range regs {
		r := &regs[k]
		if len(r.RegisterCalls) > 0 || len(r.Via) == 0 || r.Discarded {
			continue
		}
		f, m, b, i := ix.callAt(r.Via[len(r.Via)-1])
		if f == nil {
			continue
		}
		r.RegisterCalls = registersResult(ctxFor(ix, f, m, nil), r, b, i)
		r.RegisteredByCaller = len(r.RegisterCalls) > 0
	}
}

// callAt finds the call token at p: its file, the method (or top-level
// code) holding it, its body, and its index there.
func (ix *appIndex) callAt(p Pos) (*fileModel, *methodDecl, []Token, int) {
	for _, f := range ix.files {
		if f.sf.Path != p.File {
			continue
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m == nil {
				continue
			}
			b := m.body()
			for i, t := range b {
				if int(t.Line) == p.Line && int(t.Col) == p.Col && t.Kind == TokIdent {
					return f, m, b, i
				}
			}
		}
	}
	return nil, nil, nil, -1
}

// registersResult lists the Register() calls made on the result of the
// call named at b[i], in the caller's context c. The trigger the caller
// sets on the builder before its first Register() replaces the helper's
// (a builder holds one), and the conditions it adds are added.
func registersResult(c *ectx, r *Registration, b []Token, i int) []Pos {
	f := c.f
	fold := f.lang == VB
	open := i + 1
	if open < len(b) && isPunct(b[open], "<") {
		if close := typeArgsEnd(b, open); close > 0 {
			open = close + 1
		}
	}
	if open >= len(b) || !isPunct(b[open], "(") {
		return nil
	}
	end := matchClose(b, open)
	if end+3 < len(b) && isAccess(b[end+1]) && identIs(b[end+2], "Register", fold) && isPunct(b[end+3], "(") {
		return []Pos{f.pos(b[end+2])} // Create(…).Register()
	}
	// the variable the result is assigned to: v = [Recv.]Create(…)
	k := i
	for k >= 2 && isAccess(b[k-1]) && b[k-2].Kind == TokIdent {
		k -= 2
	}
	if k < 2 || !isPunct(b[k-1], "=") || b[k-2].Kind != TokIdent {
		return nil
	}
	v := b[k-2]
	if f.lang == VB && k >= 4 && isIdentFold(b[k-3], "As") {
		v = b[k-4] // Dim v As BackgroundTaskBuilder = Create(…)
	}
	var out []Pos
	for j := end + 1; j+2 < len(b); j++ {
		if !identIs(b[j], v.Text, fold) || j > 0 && isAccess(b[j-1]) || !isAccess(b[j+1]) || b[j+2].Kind != TokIdent {
			continue
		}
		call := j+3 < len(b) && isPunct(b[j+3], "(")
		switch {
		case identIs(b[j+2], "Register", fold) && (call || fold):
			out = append(out, f.pos(b[j+2]))
		case len(out) == 0 && call && identIs(b[j+2], "SetTrigger", fold):
			close := matchClose(b, j+3)
			if close < len(b) {
				r.Triggers = []Trigger{triggerOf(c, b[j+4:close])}
			}
		case len(out) == 0 && call && identIs(b[j+2], "AddCondition", fold):
			close := matchClose(b, j+3)
			if close < len(b) {
				r.Conditions = append(r.Conditions, conditionOf(c, b[j+4:close]))
			}
		}
	}
	return out
}
