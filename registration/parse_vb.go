package registration

import "strings"

// vbStatements splits VB tokens into statements (newline and ':'
// separated), returning [start, end) index pairs.
func vbStatements(toks []Token) [][2]int {
	var out [][2]int
	start, depth := 0, 0
	for i, t := range toks {
		if t.Kind == TokPunct {
			switch t.Text {
			case "(", "{":
				depth++
			case ")", "}":
				if depth > 0 {
					depth--
				}
			}
		}
		// implicit line continuation inside brackets
		if t.Kind == TokNewline && depth > 0 {
			continue
		}
		if t.Kind == TokNewline || isPunct(t, ":") {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

var vbModifiers = map[string]bool{
	"public": true, "private": true, "friend": true, "protected": true, "shared": true, "notinheritable": true,
	"mustinherit": true, "partial": true, "overrides": true, "overridable": true, "async": true, "readonly": true,
	"static": true, "shadows": true, "overloads": true, "notoverridable": true, "mustoverride": true, "default": true,
	"withevents": true, "iterator": true, "widening": true, "narrowing": true, "dim": true, "writeonly": true,
}

type vbFrame struct {
	kind   string // namespace, class, method, other
	ns     string
	class  *classDecl
	method *methodDecl
}

// parseVB builds the structure of a VB file.
func parseVB(f *fileModel) {
	toks := f.toks
	root := f.sf.RootNamespace
	stack := []vbFrame{{kind: "file", ns: root}}
	top := func() *vbFrame { return &stack[len(stack)-1] }
	var pendingGUID string
	lambdaDepth := 0
	lastClassStmt := -1
	for si, st := range vbStatements(toks) {
		s := toks[st[0]:st[1]]
		// attributes <...> at the start
		for len(s) > 0 && isPunct(s[0], "<") {
			end := matchAngle(s)
			c := &classDecl{}
			attrGUID(s[:min(end+1, len(s))], c)
			if c.guid != "" {
				pendingGUID = c.guid
			}
			s = s[min(end+1, len(s)):]
		}
		if len(s) == 0 {
			continue
		}
		cur := top()
		if cur.kind == "method" {
			if isIdentFold(s[0], "End") && len(s) > 1 && (isIdentFold(s[1], "Sub") || isIdentFold(s[1], "Function") || isIdentFold(s[1], "Property") || isIdentFold(s[1], "Operator")) {
				if lambdaDepth > 0 {
					lambdaDepth--
					continue
				}
				cur.method.e = st[0]
				stack = stack[:len(stack)-1]
				continue
			}
			lambdaDepth += vbLambdaOpens(s)
			continue
		}
		var mods []string
		k := 0
		for k < len(s) && s[k].Kind == TokIdent && vbModifiers[strings.ToLower(s[k].Text)] {
			mods = append(mods, strings.ToLower(s[k].Text))
			k++
		}
		if k >= len(s) || s[k].Kind != TokIdent {
			continue
		}
		kw := strings.ToLower(s[k].Text)
		rest := s[k+1:]
		switch kw {
		case "imports":
			vbImports(f, rest)
		case "namespace":
			parts, _ := qualName(rest, 0)
			name := strings.Join(parts, ".")
			ns := joinNS(cur.ns, name)
			if len(rest) > 0 && isIdentFold(rest[0], "Global") {
				ns = name
			}
			stack = append(stack, vbFrame{kind: "namespace", ns: ns})
		case "class", "module", "structure", "interface":
			if len(rest) == 0 || rest[0].Kind != TokIdent {
				continue
			}
			c := &classDecl{name: rest[0].Text, kind: kw, file: f, ns: cur.ns, pos: f.pos(rest[0]), guid: pendingGUID}
			pendingGUID = ""
			c.public = has(mods, "public")
			c.sealed = has(mods, "notinheritable") || kw == "module" || kw == "structure"
			c.isInterface = kw == "interface"
			if kw == "structure" {
				c.kind = "struct"
			}
			if cur.class != nil {
				c.full = cur.class.full + "." + c.name
				c.outer = cur.class.full
			} else {
				c.full = joinNS(cur.ns, c.name)
			}
			f.classes = append(f.classes, c)
			stack = append(stack, vbFrame{kind: "class", ns: cur.ns, class: c})
			lastClassStmt = si
		case "inherits", "implements":
			// Inherits/Implements statements follow the Class line; the
			// Implements clause of a method is part of its Sub statement
			if cur.kind == "class" && cur.class != nil && (si == lastClassStmt+1 || len(cur.class.methods) == 0) {
				for _, part := range splitTop(rest, ",") {
					parts, _ := qualName(part, 0)
					if len(parts) > 0 {
						cur.class.bases = append(cur.class.bases, strings.Join(parts, "."))
					}
				}
				lastClassStmt = si
			}
		case "enum":
			stack = append(stack, vbFrame{kind: "other", ns: cur.ns, class: cur.class})
		case "end":
			if len(rest) == 0 {
				continue
			}
			w := strings.ToLower(rest[0].Text)
			want := map[string]string{"namespace": "namespace", "class": "class", "module": "class", "structure": "class", "interface": "class", "enum": "other"}[w]
			if want != "" && cur.kind == want && len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case "sub", "function", "operator":
			if has(mods, "mustoverride") || (cur.class != nil && cur.class.isInterface) {
				continue
			}
			if len(rest) == 0 || rest[0].Kind != TokIdent {
				continue
			}
			m := &methodDecl{name: rest[0].Text, file: f, ns: cur.ns, class: cur.class, s: st[1] + 1, e: len(toks), pos: f.pos(rest[0]), mods: mods}
			if len(rest) > 1 && isPunct(rest[1], "(") {
				end := matchClose(rest, 1)
				m.params = vbParams(rest[2:min(end, len(rest))])
			}
			f.methods = append(f.methods, m)
			if cur.class != nil {
				cur.class.methods = append(cur.class.methods, m)
			}
			stack = append(stack, vbFrame{kind: "method", ns: cur.ns, class: cur.class, method: m})
			lambdaDepth = 0
		case "declare", "delegate", "event":
		case "const":
			vbConsts(f, cur, rest)
		default:
			if (has(mods, "readonly") && (has(mods, "shared") || (cur.class != nil && cur.class.kind == "module"))) || has(mods, "const") {
				vbConsts(f, cur, s[k:])
			} else if cur.kind == "class" && len(mods) > 0 && k+1 < len(s) && isIdentFold(s[k+1], "As") {
				// a field "Private name As String = ...": constant only if
				// never assigned
				n := len(f.consts)
				vbConsts(f, cur, s[k:])
				for _, c := range f.consts[n:] {
					c.mutable = true
				}
			}
		}
	}
	for len(stack) > 1 {
		if fr := stack[len(stack)-1]; fr.kind == "method" {
			fr.method.e = len(toks)
		}
		stack = stack[:len(stack)-1]
	}
	f.top = &methodDecl{file: f, s: 0, e: len(toks)}
	f.top.children = outermost(f.methods)
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func matchAngle(s []Token) int {
	depth := 0
	for i, t := range s {
		if isPunct(t, "<") {
			depth++
		} else if isPunct(t, ">") {
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s) - 1
}

// vbLambdaOpens counts multi-line lambdas opened by a statement: Sub(...)
// or Function(...) whose header ends the line.
func vbLambdaOpens(s []Token) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if !(isIdentFold(s[i], "Sub") || isIdentFold(s[i], "Function")) || !isPunct(s[i+1], "(") {
			continue
		}
		if i > 0 && (isIdentFold(s[i-1], "End") || isIdentFold(s[i-1], "Exit")) {
			continue
		}
		end := matchClose(s, i+1)
		if end >= len(s)-1 {
			n++
			continue
		}
		if isIdentFold(s[end+1], "As") {
			j := end + 2
			_, j = qualName(s, j)
			if j >= len(s) {
				n++
			}
		}
	}
	return n
}

func vbImports(f *fileModel, rest []Token) {
	if len(rest) >= 2 && rest[0].Kind == TokIdent && isPunct(rest[1], "=") {
		parts, _ := qualName(rest, 2)
		if f.aliases == nil {
			f.aliases = map[string]string{}
		}
		f.aliases[rest[0].Text] = strings.Join(parts, ".")
		return
	}
	for _, part := range splitTop(rest, ",") {
		parts, _ := qualName(part, 0)
		if len(parts) > 0 {
			f.usings = append(f.usings, strings.Join(parts, "."))
		}
	}
}

// vbParams reads "ByVal name As Type = default, ...".
func vbParams(toks []Token) []param {
	var ps []param
	for _, p := range splitTop(toks, ",") {
		q := 0
		variadic := false
		for q < len(p) && p[q].Kind == TokIdent {
			switch strings.ToLower(p[q].Text) {
			case "paramarray":
				variadic = true
				q++
				continue
			case "byval", "byref", "optional":
				q++
				continue
			}
			break
		}
		if q >= len(p) || p[q].Kind != TokIdent {
			continue
		}
		pr := param{name: p[q].Text, variadic: variadic}
		for r := q + 1; r < len(p); r++ {
			if isIdentFold(p[r], "As") {
				end := r + 1
				for end < len(p) && !isPunct(p[end], "=") {
					end++
				}
				pr.typ = exprText(p[r+1 : end])
			}
			if isPunct(p[r], "=") {
				pr.def = p[r+1:]
				break
			}
		}
		ps = append(ps, pr)
	}
	return ps
}

// vbConsts reads "Const A [As T] = expr, B = expr", "ReadOnly A As T =
// expr" or "Shared ReadOnly Property A As T = expr" (an auto-property only
// its initialiser sets).
func vbConsts(f *fileModel, fr *vbFrame, rest []Token) {
	for _, d := range splitTop(rest, ",") {
		q := 0
		for q < len(d) && d[q].Kind == TokIdent && (vbModifiers[strings.ToLower(d[q].Text)] || isIdentFold(d[q], "Const") || isIdentFold(d[q], "Property")) {
			q++
		}
		if q >= len(d) || d[q].Kind != TokIdent {
			continue
		}
		name := d[q]
		for r := q + 1; r < len(d); r++ {
			if isPunct(d[r], "=") {
				c := &constDecl{name: name.Text, ns: fr.ns, file: f, expr: d[r+1:], pos: f.pos(name)}
				if fr.class != nil {
					c.class = fr.class.full
				}
				f.consts = append(f.consts, c)
				break
			}
		}
	}
}
