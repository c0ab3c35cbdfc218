package workspace

import (
	"path/filepath"
	"testing"
)

// A VB project's <Import Include="System"/> items are namespace imports,
// not MSBuild imports: they must not be read as files (the Windows
// samples' .vbproj files all have them).
func TestVBNamespaceImportIsNotAProjectImport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "App", "App.vbproj"), `<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>AppContainerExe</OutputType><RootNamespace>App</RootNamespace></PropertyGroup>
  <ItemGroup><Compile Include="MainPage.xaml.vb" /></ItemGroup>
  <ItemGroup>
    <Import Include="Microsoft.VisualBasic" />
    <Import Include="System.Collections" />
  </ItemGroup>
  <Import Project="$(MSBuildExtensionsPath)\Microsoft\WindowsXaml\v$(VisualStudioVersion)\Microsoft.Windows.UI.Xaml.VisualBasic.targets" />
</Project>
`)
	writeFile(t, filepath.Join(dir, "App", "MainPage.xaml.vb"), "Public NotInheritable Class MainPage\nEnd Class\n")
	writeFile(t, filepath.Join(dir, "App", "Package.appxmanifest"), `<?xml version="1.0" encoding="utf-8"?><Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"/>`)
	res, err := Discover([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notes {
		t.Errorf("unexpected note: %s", n.String())
	}
	if len(res.Apps) != 1 || len(res.Apps[0].Sources) != 1 {
		t.Fatalf("want one App with its one source, got %+v", res.Apps)
	}
}
