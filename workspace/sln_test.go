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
			[]slnEntry{{"App", `src\App\App.csproj`, 3}, {"Items", "Items", 5}}},
		{"slnx", "<Solution>\n  <Folder Name=\"/tasks/\">\n    <Project Path=\"Tasks/Tasks.csproj\" />\n  </Folder>\n  <Project Path=\"App/App.wapproj\" Type=\"Packaging\" />\n</Solution>\n",
			[]slnEntry{{"Tasks/Tasks.csproj", "Tasks/Tasks.csproj", 3}, {"App/App.wapproj", "App/App.wapproj", 5}}},
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
