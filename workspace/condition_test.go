package workspace

import (
	"strings"
	"testing"
)

func TestEvalCondition(t *testing.T) {
	props := map[string]string{"configuration": "Debug", "platform": "x86", "empty": ""}
	prop := func(name string) (string, bool) {
		v, ok := props[strings.ToLower(name)]
		return v, ok
	}
	cases := []struct {
		cond     string
		want, ok bool
	}{
		{``, true, true},
		{`'$(Configuration)|$(Platform)' == 'Debug|x86'`, true, true},
		{`'$(Configuration)|$(Platform)'=='Release|x86'`, false, true},
		{` '$(Configuration)' == 'debug' `, true, true},
		{`'$(Configuration)' != 'Debug'`, false, true},
		{`'$(Configuration)' == 'Release' or '$(Platform)' == 'x86'`, true, true},
		{`'$(Configuration)' == 'Release' and '$(Platform)' == 'x86'`, false, true},
		{`!('$(Configuration)' == 'Release')`, true, true},
		{`('$(Configuration)' == 'Debug') AND ('$(Platform)' == 'ARM')`, false, true},
		{`'$(Empty)' == ''`, true, true},
		{`'$(StoreBuild)' == 'true'`, true, false},
		{`Exists('Package.Store.appxmanifest')`, true, false},
		{`'$(Configuration)' == 'Debug' and Exists('x')`, true, false},
		{`$([MSBuild]::IsOSPlatform('Windows'))`, true, false},
		{`false`, false, true},
		{`'$(Configuration)' ==`, true, false},
		{`'unterminated`, true, false},
	}
	for _, c := range cases {
		got, ok := evalCondition(c.cond, prop)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("evalCondition(%q) = %v, %v; want %v, %v", c.cond, got, ok, c.want, c.ok)
		}
	}
}
