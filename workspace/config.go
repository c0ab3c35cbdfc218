package workspace

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/schema"
)

// MaxConfigSize is the largest config file read (a generated exclude list
// of 200 000 globs is about 4 MB).
const MaxConfigSize = 16 << 20

// ConfigNames are the files FindConfig looks for, in each directory in
// this order.
var ConfigNames = []string{".bgmanifest.yaml", ".bgmanifest.yml"}

// Config is a loaded .bgmanifest.yaml.
type Config struct {
	Path string
	// Rules maps each key as written (rule ID or name) to its severity
	// ("off", "info", "warning", "error"); the caller resolves the keys
	// against the rule registry.
	Rules map[string]string
	// RuleLines is the line of each key in Rules.
	RuleLines map[string]int
	// Exclude are the globs as written; ExcludePatterns rebases them.
	Exclude []string
	// Languages whose scanners run; empty means all.
	Languages []registration.Language

	ruleCols map[string]int
}

// RulePos is the position of a key of the rules map (0, 0 when absent), so
// the caller can report FILE:LINE:COL: unknown rule "X".
func (c *Config) RulePos(key string) (line, col int) {
	return c.RuleLines[key], c.ruleCols[key]
}

// ExcludePatterns returns the exclude globs ready for Options.Exclude:
// relative patterns are relative to the config file's directory (as in a
// .gitignore), so they are prefixed with it; patterns starting with "**"
// match anywhere and stay as they are.
func (c *Config) ExcludePatterns() []string {
	dir := filepath.ToSlash(filepath.Dir(c.Path))
	var out []string
	for _, p := range c.Exclude {
		p = filepath.ToSlash(p)
		switch {
		case strings.HasPrefix(p, "**"), isAbsPattern(p), dir == ".":
			out = append(out, strings.TrimPrefix(p, "./"))
		default:
			out = append(out, escapeGlob(dir)+"/"+strings.TrimPrefix(p, "./"))
		}
	}
	return out
}

// escapeGlob quotes the glob metacharacters of a literal path.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]{}\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ConfigError is one problem in a config file.
type ConfigError struct {
	Path    string
	Line    int
	Col     int
	Key     string // the key path ("rules.BG102", "languages[1]"); "" for syntax errors
	Message string
}

func (e ConfigError) Error() string {
	s := fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Message)
	if e.Key != "" {
		s += fmt.Sprintf(" (key %q)", e.Key)
	}
	return s
}

// ConfigErrors are all the problems of one config file, in file order.
type ConfigErrors []ConfigError

func (es ConfigErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// FindConfig looks for .bgmanifest.yaml (or .bgmanifest.yml) in startDir
// (or the directory of the file startDir names) and its parents, up to the
// repository root (the directory holding .git). Outside a repository it
// stops where the file system changes, so a check of a mounted checkout
// never reads a config from the host above it.
func FindConfig(startDir string) (string, bool) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", false
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	rel := !filepath.IsAbs(startDir)
	cwd, _ := os.Getwd()
	dev, devKnown := deviceOf(dir)
	for {
		for _, name := range ConfigNames {
			candidate := filepath.Join(dir, name)
			if info, err := os.Stat(candidate); err == nil && !info.IsDir() {
				if rel && cwd != "" {
					if r, err := filepath.Rel(cwd, candidate); err == nil {
						return r, true
					}
				}
				return candidate, true
			}
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		if d, ok := deviceOf(parent); devKnown && ok && d != dev {
			return "", false
		}
		dir = parent
	}
}

// LoadConfig reads and validates a config file. Every problem comes back
// in a ConfigErrors, each with the file:line:col of the offending key or
// value.
func LoadConfig(path string) (*Config, error) {
	data, err := fileread.Whole(path, MaxConfigSize, "config")
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return ParseConfig(path, data)
}

// ParseConfig is LoadConfig on bytes already read.
func ParseConfig(path string, data []byte) (*Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, ConfigErrors{yamlSyntaxError(path, err)}
	}
	cfg := &Config{Path: path, Rules: map[string]string{}, RuleLines: map[string]int{}, ruleCols: map[string]int{}}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file configures nothing
	}
	conv := converter{path: path, nodes: map[string]posOf{}}
	value := conv.value(doc.Content[0], "", "")
	errs := conv.errs
	if len(errs) == 0 {
		serrs, err := schema.Validate("config", value)
		if err != nil {
			return nil, fmt.Errorf("config schema: %w", err)
		}
		for _, se := range serrs {
			errs = append(errs, conv.schemaErrors(se)...)
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			if errs[i].Line != errs[j].Line {
				return errs[i].Line < errs[j].Line
			}
			return errs[i].Col < errs[j].Col
		})
		return nil, errs
	}
	cfg.fill(doc.Content[0])
	return cfg, nil
}

// fill copies a validated document into the Config.
func (c *Config) fill(root *yaml.Node) {
	root = deref(root)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		switch k.Value {
		case "rules":
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], deref(v.Content[j+1])
				c.Rules[rk.Value] = rv.Value
				c.RuleLines[rk.Value] = rk.Line
				c.ruleCols[rk.Value] = rk.Column
			}
		case "exclude":
			for _, e := range v.Content {
				c.Exclude = append(c.Exclude, deref(e).Value)
			}
		case "languages":
			for _, e := range v.Content {
				c.Languages = append(c.Languages, registration.Language(deref(e).Value))
			}
		}
	}
}

// deref follows aliases (validation has ruled out cycles).
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// yamlSyntaxError turns a yaml error ("yaml: line 3: did not find expected
// key") into a positioned ConfigError. The library reports no column.
func yamlSyntaxError(path string, err error) ConfigError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if strings.HasPrefix(msg, "line ") {
		rest := msg[len("line "):]
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, convErr := strconv.Atoi(rest[:i]); convErr == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return ConfigError{Path: path, Line: line, Col: 1, Message: "invalid YAML: " + msg}
}

// posOf is where a value (and its key) sits in the YAML text.
type posOf struct {
	key        string // key path for messages
	line, col  int    // the value
	kline, kcl int    // its key (0 for array items and the root)
	keys       map[string]*yaml.Node
}

// converter turns the YAML node tree into plain JSON-like values for the
// schema, remembering the node behind each JSON pointer.
type converter struct {
	path  string
	nodes map[string]posOf
	errs  ConfigErrors
	// expanded counts the values reached through aliases; inAlias is
	// how many aliases the current value is inside.
	expanded, inAlias int
	active            map[*yaml.Node]bool // nodes being converted: an alias to one of them is a cycle
}

// maxAliasValues bounds the values aliases may expand to. Values written
// out in the file are bounded by its size (MaxConfigSize): a generated
// exclude list of 200 000 globs loads.
const maxAliasValues = 10000

func (c *converter) value(n *yaml.Node, pointer, key string) any {
	// Aliases are followed, but an alias that contains itself or expands
	// into thousands of values is an error, not a hang.
	if c.inAlias > 0 {
		c.expanded++
		if c.expanded > maxAliasValues {
			if c.expanded == maxAliasValues+1 {
				c.errs = append(c.errs, ConfigError{Path: c.path, Line: n.Line, Col: n.Column, Key: key,
					Message: fmt.Sprintf("aliases expand to more than %d values", maxAliasValues)})
			}
			return nil
		}
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		if c.active[n.Alias] {
			c.errs = append(c.errs, ConfigError{Path: c.path, Line: n.Line, Col: n.Column, Key: key, Message: "alias refers to itself"})
			return nil
		}
		n = n.Alias
		c.inAlias++
		defer func() { c.inAlias-- }()
	}
	if c.active == nil {
		c.active = map[*yaml.Node]bool{}
	}
	c.active[n] = true
	defer delete(c.active, n)
	p := posOf{key: key, line: n.Line, col: n.Column}
	defer func() { c.nodes[pointer] = p }()
	switch n.Kind {
	case yaml.MappingNode:
		out := map[string]any{}
		p.keys = map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				c.errs = append(c.errs, ConfigError{Path: c.path, Line: k.Line, Col: k.Column, Key: key, Message: "keys must be plain strings"})
				continue
			}
			child := joinKey(key, k.Value)
			if prev, dup := p.keys[k.Value]; dup {
				c.errs = append(c.errs, ConfigError{Path: c.path, Line: k.Line, Col: k.Column, Key: child,
					Message: fmt.Sprintf("duplicate key (first at line %d)", prev.Line)})
				continue
			}
			p.keys[k.Value] = k
			childPtr := pointer + "/" + escapePointer(k.Value)
			out[k.Value] = c.value(v, childPtr, child)
			cp := c.nodes[childPtr]
			cp.kline, cp.kcl = k.Line, k.Column
			c.nodes[childPtr] = cp
		}
		return out
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, e := range n.Content {
			out = append(out, c.value(e, pointer+"/"+strconv.Itoa(i), fmt.Sprintf("%s[%d]", key, i)))
		}
		return out
	case yaml.ScalarNode:
		return scalar(n)
	}
	return nil
}

// scalar decodes a YAML scalar by its resolved tag, so that `rules: {BG101: 1}`
// reaches the schema as a number and is reported as one.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err == nil {
			return v
		}
	}
	return n.Value
}

func joinKey(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// schemaErrors positions one schema violation. An unknown key is reported
// at the key itself (one error per key); any other problem at the value.
func (c *converter) schemaErrors(se schema.Error) []ConfigError {
	p := c.lookup(se.InstanceLocation)
	kw := se.KeywordLocation
	if strings.HasSuffix(kw, "/additionalProperties") && strings.HasPrefix(se.Message, "additionalProperties") {
		var out []ConfigError
		for _, name := range quotedWords(se.Message) {
			e := ConfigError{Path: c.path, Line: p.line, Col: p.col, Key: joinKey(p.key, name), Message: "unknown key"}
			if k, ok := p.keys[name]; ok {
				e.Line, e.Col = k.Line, k.Column
			}
			out = append(out, e)
		}
		if len(out) > 0 {
			return out
		}
	}
	e := ConfigError{Path: c.path, Line: p.line, Col: p.col, Key: p.key, Message: se.Message}
	switch {
	case strings.Contains(kw, "/propertyNames"):
		e.Message = "not a rule ID (BG102) or rule name (trigger-type-not-declared)"
		if p.kline > 0 {
			e.Line, e.Col = p.kline, p.kcl
		}
	case strings.HasSuffix(kw, "/enum"):
		e.Message = "value must be one of " + strings.TrimPrefix(se.Message, "value must be one of ")
	}
	if e.Line == 0 {
		e.Line, e.Col = 1, 1
	}
	return []ConfigError{e}
}

// lookup finds the node behind a JSON pointer; jsonschema percent-encodes
// the pointer's tokens ("/rules/Bad%20Name").
func (c *converter) lookup(pointer string) posOf {
	if p, ok := c.nodes[pointer]; ok {
		return p
	}
	if raw, err := url.PathUnescape(pointer); err == nil {
		return c.nodes[raw]
	}
	return posOf{}
}

// quotedWords returns the '…'-quoted words of a jsonschema message
// ("additionalProperties 'a', 'b' not allowed").
func quotedWords(msg string) []string {
	var out []string
	for {
		i := strings.IndexByte(msg, '\'')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(msg[i+1:], '\'')
		if j < 0 {
			return out
		}
		out = append(out, msg[i+1:i+1+j])
		msg = msg[i+2+j:]
	}
}

// AsConfigErrors reports whether err carries positioned config errors.
func AsConfigErrors(err error) (ConfigErrors, bool) {
	var es ConfigErrors
	ok := errors.As(err, &es)
	return es, ok
}
