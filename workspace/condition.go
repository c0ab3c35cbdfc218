package workspace

import (
	"strings"
)

// evalCondition evaluates an MSBuild Condition for one configuration:
// comparisons (== and !=, case-insensitive, as MSBuild compares) of quoted
// strings with $(Property) references, joined by and, or, ! and
// parentheses. prop resolves a property; ok is false when the condition
// uses what cannot be evaluated statically (an unknown property, Exists(),
// a property function, a syntax this reader does not know): the caller
// then treats the condition as possibly true.
func evalCondition(cond string, prop func(name string) (string, bool)) (result, ok bool) {
	c := &condParser{toks: condTokens(cond), prop: prop, ok: true}
	if len(c.toks) == 0 {
		return true, true
	}
	v := c.or()
	if c.pos != len(c.toks) {
		return true, false
	}
	return v, c.ok
}

type condParser struct {
	toks []string
	pos  int
	prop func(string) (string, bool)
	ok   bool
}

func (c *condParser) peek() string {
	if c.pos < len(c.toks) {
		return c.toks[c.pos]
	}
	return ""
}

func (c *condParser) next() string {
	t := c.peek()
	if c.pos < len(c.toks) {
		c.pos++
	}
	return t
}

func (c *condParser) or() bool {
	v := c.and()
	for strings.EqualFold(c.peek(), "or") {
		c.next()
		w := c.and()
		v = v || w
	}
	return v
}

func (c *condParser) and() bool {
	v := c.unary()
	for strings.EqualFold(c.peek(), "and") {
		c.next()
		w := c.unary()
		v = v && w
	}
	return v
}

func (c *condParser) unary() bool {
	switch c.peek() {
	case "!":
		c.next()
		return !c.unary()
	case "(":
		c.next()
		v := c.or()
		if c.next() != ")" {
			c.ok = false
		}
		return v
	}
	left, _ := c.operand()
	switch op := c.peek(); op {
	case "==", "!=":
		c.next()
		right, _ := c.operand()
		eq := strings.EqualFold(left, right)
		if op == "==" {
			return eq
		}
		return !eq
	case "<", ">", "<=", ">=":
		c.next()
		c.operand()
		c.ok = false
		return true
	}
	switch strings.ToLower(left) {
	case "true", "on", "yes":
		return true
	case "false", "off", "no":
		return false
	}
	c.ok = false
	return true
}

// operand reads a quoted string (its properties expanded) or a bare word;
// a function call (Exists(...), HasTrailingSlash(...)) cannot be evaluated.
func (c *condParser) operand() (string, bool) {
	t := c.next()
	if t == "" {
		c.ok = false
		return "", false
	}
	if strings.HasPrefix(t, "'") {
		return c.expand(strings.Trim(t, "'")), true
	}
	if c.peek() == "(" {
		c.ok = false
		for depth := 0; c.pos < len(c.toks); {
			switch c.next() {
			case "(":
				depth++
			case ")":
				depth--
			}
			if depth == 0 {
				break
			}
		}
		return "", false
	}
	if strings.HasPrefix(t, "$(") {
		return c.expand(t), true
	}
	return t, false
}

// expand replaces $(Name) references; anything else that needs MSBuild
// ($([…]) functions, @(items), %(metadata), an unknown property) makes the
// condition unknown.
func (c *condParser) expand(s string) string {
	if strings.Contains(s, "@(") || strings.Contains(s, "%(") {
		c.ok = false
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "$(")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := closingParen(s, i+1)
		if j < 0 {
			c.ok = false
			return b.String()
		}
		b.WriteString(s[:i])
		name := strings.TrimSpace(s[i+2 : j])
		var v string
		var ok bool
		if strings.HasPrefix(name, "[") {
			v, ok = c.function(name)
		} else {
			v, ok = c.prop(name)
		}
		if ok {
			b.WriteString(v)
		} else {
			c.ok = false
		}
		s = s[j+1:]
	}
}

// function evaluates the one property function multi-platform projects
// put in their conditions, $([MSBuild]::GetTargetPlatformIdentifier(
// '$(TargetFramework)')); false for any other, or an argument that
// cannot be evaluated.
func (c *condParser) function(call string) (string, bool) {
	const name = "[msbuild]::gettargetplatformidentifier("
	if !strings.HasPrefix(strings.ToLower(call), name) || !strings.HasSuffix(call, ")") {
		return "", false
	}
	arg := strings.TrimSpace(call[len(name) : len(call)-1])
	if len(arg) < 2 || arg[0] != '\'' || arg[len(arg)-1] != '\'' {
		return "", false
	}
	inner := &condParser{prop: c.prop, ok: true}
	tfm := inner.expand(arg[1 : len(arg)-1])
	if !inner.ok {
		return "", false
	}
	return targetPlatformIdentifier(tfm)
}

// condTokens splits a condition into quoted strings, operators,
// parentheses and words.
func condTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n':
			i++
		case ch == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				out = append(out, s[i:]+"'")
				return out
			}
			out = append(out, s[i:i+j+2])
			i += j + 2
		case strings.HasPrefix(s[i:], "==") || strings.HasPrefix(s[i:], "!=") ||
			strings.HasPrefix(s[i:], "<=") || strings.HasPrefix(s[i:], ">="):
			out = append(out, s[i:i+2])
			i += 2
		case ch == '(' || ch == ')' || ch == '!' || ch == '<' || ch == '>' || ch == ',':
			out = append(out, s[i:i+1])
			i++
		case ch == '$' && i+1 < len(s) && s[i+1] == '(':
			j := closingParen(s, i+1)
			if j < 0 {
				j = len(s) - 1
			}
			out = append(out, s[i:j+1])
			i = j + 1
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\r\n'()!=<>,", rune(s[j])) {
				j++
			}
			if j == i {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}
