// Package benchgen writes synthetic workspaces of realistic shape for the
// benchmarks: N Apps, each with a solution, an app project, a Windows
// Runtime Component holding the tasks, a manifest with several background
// task extensions, and many source files in C#, C++ and VB of which only a
// few touch background tasks (as in real apps).
package benchgen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// Size is one workspace size.
type Size struct {
	Name         string
	Apps         int
	FilesPerApp  int // approximate source files per App
	LinesPerFile int
}

// Sizes are the three sizes issue #6 asks for.
var Sizes = []Size{
	{Name: "small", Apps: 1, FilesPerApp: 50, LinesPerFile: 100},
	{Name: "medium", Apps: 100, FilesPerApp: 50, LinesPerFile: 100},
	{Name: "large", Apps: 1000, FilesPerApp: 50, LinesPerFile: 100},
}

// Stats says what was written.
type Stats struct {
	Files, Lines int
	Bytes        int64
}

// Generate writes the workspace under dir (created if needed). The output
// depends only on the size and the seed.
func Generate(dir string, s Size, seed int64) (Stats, error) {
	g := &gen{rnd: rand.New(rand.NewSource(seed)), root: dir}
	for i := 0; i < s.Apps; i++ {
		if err := g.app(i, s); err != nil {
			return g.stats, err
		}
	}
	return g.stats, nil
}

type gen struct {
	rnd   *rand.Rand
	root  string
	stats Stats
}

func (g *gen) write(path, text string) error {
	full := filepath.Join(g.root, path)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("benchgen: %w", err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		return fmt.Errorf("benchgen: %w", err)
	}
	g.stats.Files++
	g.stats.Lines += strings.Count(text, "\n")
	g.stats.Bytes += int64(len(text))
	return nil
}

var triggerKinds = []struct{ code, taskType string }{
	{"new TimeTrigger(30, false)", "timer"},
	{"new SystemTrigger(SystemTriggerType.InternetAvailable, false)", "systemEvent"},
	{"new MaintenanceTrigger(60, false)", "general"},
	{"new ApplicationTrigger()", "general"},
	{"new PushNotificationTrigger()", "pushNotification"},
}

func (g *gen) app(i int, s Size) error {
	name := fmt.Sprintf("Contoso%04d", i)
	base := name
	tasks := 2 + g.rnd.Intn(3)
	// Solution and projects.
	sln := fmt.Sprintf("Microsoft Visual Studio Solution File, Format Version 12.00\n"+
		"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"%[1]s\", \"%[1]s\\%[1]s.csproj\", \"{11111111-1111-1111-1111-%012d}\"\nEndProject\n"+
		"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"%[1]s.Tasks\", \"%[1]s.Tasks\\%[1]s.Tasks.csproj\", \"{22222222-2222-2222-2222-%012d}\"\nEndProject\n", name, i, i)
	if err := g.write(filepath.Join(base, name+".sln"), sln); err != nil {
		return err
	}
	appFiles := s.FilesPerApp * 3 / 5
	taskFiles := s.FilesPerApp - appFiles
	var compile strings.Builder
	for f := 0; f < appFiles; f++ {
		fmt.Fprintf(&compile, "    <Compile Include=\"Views\\Page%03d.xaml.cs\" />\n", f)
	}
	compile.WriteString("    <Compile Include=\"App.xaml.cs\" />\n    <Compile Include=\"Background\\Registrar.cs\" />\n")
	appProj := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>AppContainerExe</OutputType>
    <RootNamespace>%[1]s</RootNamespace>
    <TargetPlatformIdentifier>UAP</TargetPlatformIdentifier>
  </PropertyGroup>
  <ItemGroup>
%[2]s  </ItemGroup>
  <ItemGroup>
    <AppxManifest Include="Package.appxmanifest" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="..\%[1]s.Tasks\%[1]s.Tasks.csproj" />
    <ProjectReference Include="..\%[1]s.Native\%[1]s.Native.vcxproj" />
    <ProjectReference Include="..\%[1]s.Legacy\%[1]s.Legacy.vbproj" />
  </ItemGroup>
</Project>
`, name, compile.String())
	if err := g.write(filepath.Join(base, name, name+".csproj"), appProj); err != nil {
		return err
	}
	var tcompile strings.Builder
	for t := 0; t < tasks; t++ {
		fmt.Fprintf(&tcompile, "    <Compile Include=\"Task%d.cs\" />\n", t)
	}
	var native, legacy strings.Builder
	for f := 0; f < taskFiles; f++ {
		switch f % 5 {
		case 3:
			fmt.Fprintf(&native, "    <ClCompile Include=\"Codec%03d.cpp\" />\n", f)
		case 4:
			fmt.Fprintf(&legacy, "    <Compile Include=\"Legacy%03d.vb\" />\n", f)
		default:
			fmt.Fprintf(&tcompile, "    <Compile Include=\"Model\\Entity%03d.cs\" />\n", f)
		}
	}
	if err := g.write(filepath.Join(base, name+".Native", name+".Native.vcxproj"), fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<Project DefaultTargets="Build" ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup Label="Globals">
    <RootNamespace>%[1]s.Native</RootNamespace>
    <AppContainerApplication>true</AppContainerApplication>
  </PropertyGroup>
  <PropertyGroup Label="Configuration">
    <ConfigurationType>StaticLibrary</ConfigurationType>
  </PropertyGroup>
  <ItemGroup>
%[2]s  </ItemGroup>
</Project>
`, name, native.String())); err != nil {
		return err
	}
	if err := g.write(filepath.Join(base, name+".Legacy", name+".Legacy.vbproj"), fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>Library</OutputType>
    <RootNamespace>%[1]s.Legacy</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
%[2]s  </ItemGroup>
  <ItemGroup>
    <Import Include="System" />
  </ItemGroup>
</Project>
`, name, legacy.String())); err != nil {
		return err
	}
	taskProj := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>winmdobj</OutputType>
    <RootNamespace>%[1]s.Tasks</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
%[2]s  </ItemGroup>
</Project>
`, name, tcompile.String())
	if err := g.write(filepath.Join(base, name+".Tasks", name+".Tasks.csproj"), taskProj); err != nil {
		return err
	}
	// Manifest and the code that matches it.
	var exts, regs strings.Builder
	for t := 0; t < tasks; t++ {
		k := triggerKinds[(i+t)%len(triggerKinds)]
		fmt.Fprintf(&exts, `        <Extension Category="windows.backgroundTasks" EntryPoint="%s.Tasks.Task%d">
          <BackgroundTasks>
            <Task Type="%s" />
          </BackgroundTasks>
        </Extension>
`, name, t, k.taskType)
		fmt.Fprintf(&regs, "            Register(\"%s.Tasks.Task%d\", \"Task%d\", %s);\n", name, t, t, k.code)
		if err := g.write(filepath.Join(base, name+".Tasks", fmt.Sprintf("Task%d.cs", t)), taskClass(name, t)); err != nil {
			return err
		}
	}
	man := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"
         xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10"
         IgnorableNamespaces="uap">
  <Identity Name="%[1]s" Publisher="CN=Contoso" Version="1.0.0.0" />
  <Properties>
    <DisplayName>%[1]s</DisplayName>
    <PublisherDisplayName>Contoso</PublisherDisplayName>
    <Logo>Assets\StoreLogo.png</Logo>
  </Properties>
  <Applications>
    <Application Id="App" Executable="$targetnametoken$.exe" EntryPoint="%[1]s.App">
      <uap:VisualElements DisplayName="%[1]s" Description="%[1]s" BackgroundColor="transparent"
        Square150x150Logo="Assets\Square150x150Logo.png" Square44x44Logo="Assets\Square44x44Logo.png" />
      <Extensions>
%[2]s      </Extensions>
    </Application>
  </Applications>
  <Capabilities>
    <Capability Name="internetClient" />
  </Capabilities>
</Package>
`, name, exts.String())
	if err := g.write(filepath.Join(base, name, "Package.appxmanifest"), man); err != nil {
		return err
	}
	if err := g.write(filepath.Join(base, name, "Background", "Registrar.cs"), registrar(name, regs.String())); err != nil {
		return err
	}
	if err := g.write(filepath.Join(base, name, "App.xaml.cs"), fillerCS(g.rnd, name, "App", s.LinesPerFile)); err != nil {
		return err
	}
	for f := 0; f < appFiles; f++ {
		if err := g.write(filepath.Join(base, name, "Views", fmt.Sprintf("Page%03d.xaml.cs", f)), fillerCS(g.rnd, name+".Views", fmt.Sprintf("Page%03d", f), s.LinesPerFile)); err != nil {
			return err
		}
	}
	for f := 0; f < taskFiles; f++ {
		var text string
		switch f % 5 {
		case 3:
			text = fillerCPP(g.rnd, name, f, s.LinesPerFile)
			if err := g.write(filepath.Join(base, name+".Native", fmt.Sprintf("Codec%03d.cpp", f)), text); err != nil {
				return err
			}
			continue
		case 4:
			text = fillerVB(g.rnd, name, f, s.LinesPerFile)
			if err := g.write(filepath.Join(base, name+".Legacy", fmt.Sprintf("Legacy%03d.vb", f)), text); err != nil {
				return err
			}
			continue
		}
		text = fillerCS(g.rnd, name+".Tasks.Model", fmt.Sprintf("Entity%03d", f), s.LinesPerFile)
		if err := g.write(filepath.Join(base, name+".Tasks", "Model", fmt.Sprintf("Entity%03d.cs", f)), text); err != nil {
			return err
		}
	}
	return nil
}

func taskClass(app string, t int) string {
	return fmt.Sprintf(`using System;
using Windows.ApplicationModel.Background;

namespace %s.Tasks
{
    public sealed class Task%d : IBackgroundTask
    {
        public async void Run(IBackgroundTaskInstance taskInstance)
        {
            var deferral = taskInstance.GetDeferral();
            try
            {
                await System.Threading.Tasks.Task.Delay(10);
            }
            finally
            {
                deferral.Complete();
            }
        }
    }
}
`, app, t)
}

func registrar(app, regs string) string {
	return fmt.Sprintf(`using System;
using System.Threading.Tasks;
using Windows.ApplicationModel.Background;

namespace %s.Background
{
    public static class Registrar
    {
        public static async Task RegisterAllAsync()
        {
            var access = await BackgroundExecutionManager.RequestAccessAsync();
            if (access == BackgroundAccessStatus.DeniedByUser || access == BackgroundAccessStatus.DeniedBySystemPolicy)
            {
                return;
            }
%s        }

        private static BackgroundTaskRegistration Register(string entryPoint, string name, IBackgroundTrigger trigger)
        {
            foreach (var existing in BackgroundTaskRegistration.AllTasks)
            {
                if (existing.Value.Name == name)
                {
                    return (BackgroundTaskRegistration)existing.Value;
                }
            }
            var builder = new BackgroundTaskBuilder();
            builder.Name = name;
            builder.TaskEntryPoint = entryPoint;
            builder.SetTrigger(trigger);
            return builder.Register();
        }
    }
}
`, app, regs)
}

var words = []string{"customer", "order", "invoice", "total", "amount", "status", "item", "price", "quantity", "address", "name", "value", "count", "index", "result", "cache", "buffer", "stream", "token", "session"}

func word(r *rand.Rand) string { return words[r.Intn(len(words))] }

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// fillerCS is ordinary application code: properties, methods, loops,
// strings and comments, no background-task API.
func fillerCS(r *rand.Rand, ns, class string, lines int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\nnamespace %s\n{\n    /// <summary>Generated view model %s.</summary>\n    public sealed partial class %s\n    {\n", ns, class, class)
	n := 9
	for n < lines-3 {
		w := word(r)
		fmt.Fprintf(&b, "        private readonly List<string> _%s%d = new List<string>();\n\n", w, n)
		fmt.Fprintf(&b, "        public int Compute%s%d(int %s, string label)\n        {\n", title(w), n, w)
		fmt.Fprintf(&b, "            // Accumulate the %s values; \"quoted\" text and a { brace in a string.\n", w)
		fmt.Fprintf(&b, "            var total = 0;\n            for (var i = 0; i < %s; i++)\n            {\n                total += i * %d;\n                _%s%d.Add($\"{label}-{i}\");\n            }\n", w, r.Intn(100), w, n)
		fmt.Fprintf(&b, "            return total > %d ? total : -1;\n        }\n\n", r.Intn(1000))
		n += 15
	}
	b.WriteString("    }\n}\n")
	return b.String()
}

func fillerCPP(r *rand.Rand, app string, f, lines int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#include \"pch.h\"\n#include <vector>\n#include <string>\n\nnamespace %s::Native\n{\n", app)
	n := 7
	for n < lines-2 {
		w := word(r)
		fmt.Fprintf(&b, "    // Decode a block of %s data.\n    static int decode_%s_%d(std::vector<int> const& input)\n    {\n", w, w, n)
		fmt.Fprintf(&b, "        int acc = %d;\n        for (auto v : input)\n        {\n            acc = (acc * 31) ^ v;\n        }\n        std::wstring label = L\"%s\";\n        return acc + static_cast<int>(label.size());\n    }\n\n", r.Intn(97), w)
		n += 13
	}
	b.WriteString("}\n")
	return b.String()
}

func fillerVB(r *rand.Rand, app string, f, lines int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imports System\nImports System.Collections.Generic\n\nNamespace Legacy\n    Public NotInheritable Class Legacy%03d\n", f)
	n := 6
	for n < lines-2 {
		w := word(r)
		fmt.Fprintf(&b, "        ' Sum the %s values.\n        Public Function Sum%s%d(values As List(Of Integer)) As Integer\n            Dim total As Integer = %d\n            For Each v In values\n                total += v\n            Next\n            Return total\n        End Function\n\n", w, title(w), n, r.Intn(50))
		n += 9
	}
	b.WriteString("    End Class\nEnd Namespace\n")
	return b.String()
}
