package rules

var metaBG107 = Meta{
	ID:        "BG107",
	Name:      "com-class-not-declared",
	Severity:  Error,
	NeedsCode: true,
	Summary:   "SetTaskEntryPointClsid(G) and no windows.comServer class with Id G in the manifest",
	Doc: "# BG107 com-class-not-declared\n\n" +
		"## What it finds\n\n" +
		"A registration that names its task by COM class ID — `BackgroundTaskBuilder.SetTaskEntryPointClsid(G)` of " +
		"Windows or of the Windows App SDK — while the manifest has no `com:Class Id=\"G\"` under a " +
		"`<com:Extension Category=\"windows.comServer\">`. GUIDs are compared without braces and case.\n\n" +
		"## Why it fails\n\n" +
		"A packaged Win32 app's COM background task is started by COM: when the trigger fires, the system activates " +
		"the out-of-process server registered for the CLSID. The package registers that server only through its " +
		"manifest; without the `com:ExeServer`/`com:Class` entry the class is unknown, and registration or activation " +
		"fails with \"Class not registered\" (0x80040154, REGDB_E_CLASSNOTREG).\n\n" +
		"## Bad\n\n" +
		"```csharp\n[ComVisible(true), Guid(\"4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10\"), ClassInterface(ClassInterfaceType.None)]\n" +
		"public sealed class SyncTask : IBackgroundTask { public void Run(IBackgroundTaskInstance i) { } }\n\n" +
		"var builder = new BackgroundTaskBuilder { Name = \"sync\" };\n" +
		"builder.SetTaskEntryPointClsid(typeof(SyncTask).GUID);\nbuilder.SetTrigger(new TimeTrigger(30, false));\nbuilder.Register();\n```\n\n" +
		"```cpp\nstruct __declspec(uuid(\"4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10\")) SyncTask : winrt::implements<SyncTask, IBackgroundTask> { … };\n\n" +
		"BackgroundTaskBuilder builder;\nbuilder.SetTaskEntryPointClsid(__uuidof(SyncTask));\n```\n\n" +
		"…with a manifest that has no `windows.comServer` extension.\n\n" +
		"## Good\n\n" +
		"```xml\n<com:Extension Category=\"windows.comServer\">\n  <com:ComServer>\n" +
		"    <com:ExeServer Executable=\"MyApp.exe\" Arguments=\"-RegisterForBGTaskServer\" DisplayName=\"SyncTask\">\n" +
		"      <com:Class Id=\"4b4f3c5e-5c1d-4b8e-9d3a-2f5b8d1c7a10\" DisplayName=\"SyncTask\"/>\n" +
		"    </com:ExeServer>\n  </com:ComServer>\n</com:Extension>\n```\n\n" +
		"with the same code as above: `typeof(SyncTask).GUID` (C#) and `__uuidof(SyncTask)` (C++) are the GUID " +
		"of the class's `[Guid]` / `__declspec(uuid)`, which the `com:Class Id` repeats.\n\n" +
		"## How to fix\n\n" +
		"Add a `windows.comServer` extension to the `Application` with a `com:ExeServer` for the executable that calls " +
		"`CoRegisterClassObject` (or `RegisterTypeForComClients`) and a `com:Class` whose `Id` is the GUID passed to " +
		"`SetTaskEntryPointClsid`; declare the `runFullTrust` restricted capability.\n",
}

type comClassNotDeclared struct{}

func init() { Register(comClassNotDeclared{}) }

func (comClassNotDeclared) Meta() Meta { return metaBG107 }

func (comClassNotDeclared) Check(c *Context) []Finding {
	if !factsComparable(c) {
		return nil
	}
	declared := map[string]bool{}
	for _, cc := range c.Manifest.ComServerClasses {
		declared[normGUID(cc.ID.Value)] = true
	}
	var out []Finding
	for _, r := range ownRegistrations(c) {
		if !r.CLSIDSet || !r.CLSID.Resolved {
			continue
		}
		g := normGUID(r.CLSID.Str)
		if !isGUID(g) || declared[g] {
			continue
		}
		pos := r.CLSID.Pos
		if len(r.Via) > 0 || !pos.IsValid() {
			pos = r.Pos
		}
		f := AtCode(metaBG107, pos, "%s is registered with SetTaskEntryPointClsid(%s), but %s declares no "+
			"<com:Class Id=\"%s\"> in a windows.comServer extension, so COM cannot start the task (\"Class not registered\", 0x80040154)",
			taskLabel(r), g, manifestName(c.Manifest), g)
		if app := bg101App(c.Manifest); app != nil {
			p := app.Element.Pos
			if app.ExtensionsElement != nil {
				p = app.ExtensionsElement.Pos
			}
			f.Related = append(f.Related, RelatedManifest(c.Manifest, p, "the com:Extension Category=\"windows.comServer\" belongs in this application's <Extensions>"))
		}
		out = append(out, f)
	}
	return out
}
