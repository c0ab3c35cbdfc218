package workspace

import (
	"strings"
)

// removeApplies reports whether a remove item (<Compile Remove>) takes
// its files out of the project. An unconditional one does. A conditional
// one does only when its condition can be evaluated and holds for every
// build of the project that is known (each Configuration|Platform pair
// it lists, each target framework it is packaged in, see builds): a
// multi-platform project removes its Windows sources for its other target
// frameworks and compiles them for the Windows one. Anything less sure
// keeps the files, because the two mistakes are not alike: a file removed
// wrongly hides a task class or a registration and makes the class rules
// report what exists; a file kept wrongly adds code that exists.
// A Remove inside a Choose's branch or a Target depends on conditions the
// item does not carry, and is not applied either.
func (p *projectFile) removeApplies(ix *index, it item) bool {
	if it.branch {
		return false
	}
	if strings.TrimSpace(it.cond) == "" {
		return true
	}
	for _, prop := range p.builds(ix) {
		if holds, ok := evalCondition(it.cond, prop); !ok || !holds {
			return false
		}
	}
	return true
}

// builds returns one property resolver per build of the project that can
// be told apart: each Configuration|Platform pair the project lists times
// each target framework it is packaged in. A dimension that is not known
// leaves its properties unresolved, so a condition that needs them cannot
// be evaluated.
func (p *projectFile) builds(ix *index) []func(string) (string, bool) {
	configs := p.configs
	if len(configs) == 0 {
		configs = []string{""}
	}
	frameworks, ok := p.targetFrameworks(ix)
	if !ok {
		frameworks = []string{""}
	}
	var out []func(string) (string, bool)
	for _, pair := range configs {
		config, platform, _ := strings.Cut(pair, "|")
		for _, tfm := range frameworks {
			out = append(out, func(name string) (string, bool) {
				switch strings.ToLower(name) {
				case "configuration":
					return config, config != ""
				case "platform":
					if strings.EqualFold(platform, "Any CPU") {
						return "AnyCPU", true
					}
					return platform, platform != ""
				case "targetframework":
					return tfm, tfm != ""
				}
				return "", false
			})
		}
	}
	return out
}

// targetFrameworks returns the target frameworks a package is built from
// out of the project: those of its one TargetFramework or TargetFrameworks
// definition, when that definition is unconditional, the only one, and
// needs no property that is conditional or defined more than once (the
// multi-platform projects that remove sources per framework often build
// their list in imports, per operating system, which cannot be told
// statically). Of a list that holds Windows frameworks
// (net8.0-windows10.0.19041.0), only those: a Windows package is built
// from them, and a Windows app that references the project gets the
// Windows build of it. false when the frameworks are not known.
func (p *projectFile) targetFrameworks(ix *index) ([]string, bool) {
	single, hasSingle := p.props["targetframework"]
	list, hasList := p.props["targetframeworks"]
	def := single
	switch {
	case hasSingle == hasList:
		return nil, false // neither (an old-style project), or both
	case hasList:
		def = list
	}
	if def.defs != 1 || def.conditional || !p.plainRefs(def.value) {
		return nil, false
	}
	value, err := p.expand(ix, def.value, def.file, 0)
	if err != nil {
		return nil, false
	}
	var all, windows []string
	for _, f := range strings.Split(value, ";") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		all = append(all, f)
		if id, ok := targetPlatformIdentifier(f); ok && strings.EqualFold(id, "windows") {
			windows = append(windows, f)
		}
	}
	if len(windows) > 0 {
		return windows, true
	}
	return all, len(all) > 0
}

// plainRefs reports whether every $(Property) a value names, that the
// project defines, is defined once and unconditionally: the value
// expand gives is then the value MSBuild gives.
func (p *projectFile) plainRefs(value string) bool {
	return propertyRefs(value, func(name string) bool {
		def, ok := p.props[name]
		return !ok || def.defs == 1 && !def.conditional
	})
}

// propertyRefs calls f with the lower-case name of each $(Property) that
// value names, in order, while f returns true. It reports whether every
// reference was visited: false when f stopped, or when a reference is not
// closed.
func propertyRefs(value string, f func(name string) bool) bool {
	for {
		i := strings.Index(value, "$(")
		if i < 0 {
			return true
		}
		j := closingParen(value, i+1)
		if j < 0 || !f(strings.ToLower(strings.TrimSpace(value[i+2:j]))) {
			return false
		}
		value = value[j+1:]
	}
}

// targetPlatformIdentifier is MSBuild's GetTargetPlatformIdentifier for a
// target framework moniker: "windows" for net8.0-windows10.0.19041.0,
// "android" for net8.0-android, "" for a framework without a platform
// (net8.0, net48, netstandard2.0, uap10.0). false for a moniker this reader
// does not know.
func targetPlatformIdentifier(tfm string) (string, bool) {
	tfm = strings.TrimSpace(tfm)
	framework, platform, found := strings.Cut(tfm, "-")
	if !found {
		return "", tfm != ""
	}
	// a platform is only allowed after net5.0 and later: "net" and a
	// version with a dot
	version, isNet := strings.CutPrefix(strings.ToLower(framework), "net")
	if !isNet || !strings.Contains(version, ".") || strings.Trim(version, "0123456789.") != "" {
		return "", false
	}
	end := 0
	for end < len(platform) && (platform[end] >= 'a' && platform[end] <= 'z' || platform[end] >= 'A' && platform[end] <= 'Z') {
		end++
	}
	if end == 0 || strings.Trim(platform[end:], "0123456789.") != "" {
		return "", false
	}
	return platform[:end], true
}

// existsGuarded reports whether a listed path that does not exist is one
// the item's condition asks about: an Exists() in it names the path or a
// folder above it, or names what cannot be resolved. Such an item is
// listed only when the file is there (a private SDK, an optional
// checkout), so its absence is no news.
func (p *projectFile) existsGuarded(ix *index, it item, path string) bool {
	want := normPath(path)
	for _, arg := range existsArgs(it.cond) {
		exp, err := p.expand(ix, arg, it.file, 0)
		if err != nil {
			return true
		}
		guard := normPath(p.itemPath(ix, msbuildUnescape(exp)))
		if guard == want || strings.HasPrefix(want, strings.TrimSuffix(guard, "/")+"/") {
			return true
		}
	}
	return false
}

// existsArgs returns the arguments of the Exists('…') calls of a
// condition, quotes removed.
func existsArgs(cond string) []string {
	var out []string
	toks := condTokens(cond)
	for i := 0; i+2 < len(toks); i++ {
		if strings.EqualFold(toks[i], "exists") && toks[i+1] == "(" && strings.HasPrefix(toks[i+2], "'") {
			out = append(out, strings.Trim(toks[i+2], "'"))
		}
	}
	return out
}
