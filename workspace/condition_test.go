package workspace

import (
	"strings"
	"testing"
)

func TestEvalCondition(t *testing.T) {
	props := map[string]string{"configuration": "Debug", "platform": "x86", "empty": "", "targetframework": "net8.0-windows10.0.19041.0"}
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
		{`$([MSBuild]::GetTargetPlatformIdentifier('$(TargetFramework)')) != 'windows'`, false, true},
		{`'$([MSBuild]::GetTargetPlatformIdentifier($(TargetFramework)))' == 'windows'`, false, false}, // an unquoted argument
		{`$([msbuild]::GetTargetPlatformIdentifier('net8.0')) == ''`, true, true},
		{`$([MSBuild]::GetTargetPlatformIdentifier('$(Unknown)')) == ''`, true, false},
		{`$([MSBuild]::GetTargetFrameworkIdentifier('$(TargetFramework)')) == '.NETCoreApp'`, true, false},
	}
	for _, c := range cases {
		got, ok := evalCondition(c.cond, prop)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("evalCondition(%q) = %v, %v; want %v, %v", c.cond, got, ok, c.want, c.ok)
		}
	}
}

func TestTargetPlatformIdentifier(t *testing.T) {
	cases := []struct {
		tfm, want string
		ok        bool
	}{
		{"net8.0-windows10.0.19041.0", "windows", true},
		{"net6.0-windows", "windows", true},
		{"net8.0-android", "android", true},
		{"net8.0-maccatalyst17.0", "maccatalyst", true},
		{"net8.0", "", true},
		{"net48", "", true},
		{"netstandard2.0", "", true},
		{"uap10.0.17763", "", true},
		{"netcoreapp3.1-windows", "", false}, // no platform before net5.0
		{"net8.0-", "", false},
		{"net8.0-10.0", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := targetPlatformIdentifier(c.tfm)
		if got != c.want || ok != c.ok {
			t.Errorf("targetPlatformIdentifier(%q) = %q, %v; want %q, %v", c.tfm, got, ok, c.want, c.ok)
		}
	}
}
