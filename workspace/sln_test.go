package workspace

import (
	"reflect"
	"testing"
)

func TestParseSolution(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []slnEntry
	}{
		{"classic with BOM and folders", "\ufeff\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n" +
			"Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"App\", \"src\\App\\App.csproj\", \"{1}\"\r\nEndProject\r\n" +
			"Project(\"{2150E333-8FDC-42A3-9474-1A3956D46DE8}\") = \"Items\", \"Items\", \"{2}\"\r\nEndProject\r\n",
			[]slnEntry{{"App", `src\App\App.csproj`, "{1}", 3}, {"Items", "Items", "{2}", 5}}},
		{"slnx", "<Solution>\n  <Folder Name=\"/tasks/\">\n    <Project Path=\"Tasks/Tasks.csproj\" />\n  </Folder>\n  <Project Path=\"App/App.wapproj\" Type=\"Packaging\" />\n</Solution>\n",
			[]slnEntry{{"Tasks/Tasks.csproj", "Tasks/Tasks.csproj", "", 3}, {"App/App.wapproj", "App/App.wapproj", "", 5}}},
		{"malformed slnx", "<Solution><Project Path=\"a.csproj\">", nil},
		{"garbage", "Project(\nProject(\"x\") = \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseSolution([]byte(tt.src)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseSolutionConfigs(t *testing.T) {
	sln := "Global\r\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\r\n" +
		"\t\tDebug|Any CPU = Debug|Any CPU\r\n\t\tRelease|x64 = Release|x64\r\n\tEndGlobalSection\r\n" +
		"\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\r\n" +
		"\t\t{aaaa}.Debug|Any CPU.ActiveCfg = Debug|x86\r\n\t\t{AAAA}.Debug|Any CPU.Build.0 = Debug|x86\r\n" +
		"\t\t{AAAA}.Release|x64.ActiveCfg = Store|x64\r\n\tEndGlobalSection\r\nEndGlobal\r\n"
	c := parseSolutionConfigs([]byte(sln))
	if !reflect.DeepEqual(c.pairs, []string{"Debug|Any CPU", "Release|x64"}) {
		t.Errorf("pairs %v", c.pairs)
	}
	if got := c.projectPair("{AAAA}", "Release|x64"); got != "Store|x64" {
		t.Errorf("project pair %q, want Store|x64", got)
	}
	if got := c.projectPair("{BBBB}", "Release|x64"); got != "Release|x64" {
		t.Errorf("unmapped project pair %q", got)
	}
	x := parseSolutionConfigs([]byte(`<Solution><Configurations><BuildType Name="Debug"/><Platform Name="x64"/><Platform Name="ARM64"/></Configurations></Solution>`))
	if !reflect.DeepEqual(x.pairs, []string{"Debug|x64", "Debug|ARM64"}) {
		t.Errorf("slnx pairs %v", x.pairs)
	}
}
