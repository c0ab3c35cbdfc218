package registration

import (
	"strings"
	"testing"
)

func scanMem(t *testing.T, files map[string]string) *Facts {
	t.Helper()
	var sfs []SourceFile
	overlay := map[string][]byte{}
	for p, src := range files {
		sfs = append(sfs, SourceFile{Path: p})
		overlay[p] = []byte(src)
	}
	return ScanWithOverlay(sfs, overlay, Options{Jobs: 1})
}

func TestClassFactories(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string // call=clsid ("?" unresolved), in order
	}{
		{"csharp ref local from typeof GUID", map[string]string{
			"Task.cs": `[Guid("11111111-2222-3333-4444-555555555555")] public sealed class SyncTask { }`,
			"Program.cs": `static class P { static void Main() { Guid g = typeof(SyncTask).GUID;
				ComServer.CoRegisterClassObject(ref g, new F(), 4, 1, out uint c); } }`,
		}, []string{"CoRegisterClassObject=11111111-2222-3333-4444-555555555555"}},
		{"csharp RegisterTypeForComClients", map[string]string{
			"Task.cs":    `[ComVisible(true), Guid("{AAAAAAAA-2222-3333-4444-555555555555}")] public class Activator : INotificationActivationCallback { }`,
			"Program.cs": `static class P { static void Main() { new RegistrationServices().RegisterTypeForComClients(typeof(Activator), RegistrationClassContext.LocalServer, RegistrationConnectionType.MultipleUse); } }`,
		}, []string{"RegisterTypeForComClients=aaaaaaaa-2222-3333-4444-555555555555"}},
		{"extern declaration is not a call", map[string]string{
			"Native.cs": `static class N { [DllImport("ole32.dll")] static extern int CoRegisterClassObject(ref Guid c, object o, uint a, uint b, out uint r); }`,
		}, nil},
		{"cpp uuidof and a helper parameter", map[string]string{
			"Task.h": `struct __declspec(uuid("22222222-2222-3333-4444-555555555555")) SyncTask : winrt::implements<SyncTask, IBackgroundTask> { };`,
			"Server.cpp": `void Serve(GUID const& id) { DWORD c; CoRegisterClassObject(id, f, CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, &c); }
void Main() { DWORD c; ::CoRegisterClassObject(__uuidof(SyncTask), f, CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, &c); }`,
		}, []string{"CoRegisterClassObject=?", "CoRegisterClassObject=22222222-2222-3333-4444-555555555555"}},
		{"cpp _uuidof, MSVC's synonym of __uuidof", map[string]string{
			"Task.h":     `struct __declspec(uuid("22222222-2222-3333-4444-555555555555")) SyncTask : winrt::implements<SyncTask, IBackgroundTask> { };`,
			"Server.cpp": `void Main() { DWORD c; CoRegisterClassObject(_uuidof(SyncTask), f, CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, &c); }`,
		}, []string{"CoRegisterClassObject=22222222-2222-3333-4444-555555555555"}},
		{"cpp guid_of is not resolved", map[string]string{
			"Task.h":     `struct __declspec(uuid("22222222-2222-3333-4444-555555555555")) SyncTask : winrt::implements<SyncTask, IBackgroundTask> { };`,
			"Server.cpp": `void Main() { DWORD c; CoRegisterClassObject(winrt::guid_of<SyncTask>(), f, CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, &c); }`,
		}, []string{"CoRegisterClassObject=?"}},
		{"wil helper is opaque", map[string]string{
			"Server.cpp": `void Main() { auto revoker = wil::register_com_server<SyncTask>(); }`,
		}, []string{"register_com_server=?"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := scanMem(t, tc.files)
			var got []string
			for _, cf := range f.ClassFactories {
				v := cf.CLSID.Str
				if !cf.CLSID.Resolved {
					v = "?"
				}
				got = append(got, cf.Call+"="+v)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGuidOfCLSID(t *testing.T) {
	f := scanMem(t, map[string]string{
		"Task.h": `struct __declspec(uuid("33333333-2222-3333-4444-555555555555")) ISync : ::IUnknown { };
struct SyncTask : winrt::implements<SyncTask, ISync, IBackgroundTask> { };
struct OtherTask : winrt::implements<OtherTask, IBackgroundTask> { };`,
		"Reg.cpp": `void R() { BackgroundTaskBuilder a; a.SetTaskEntryPointClsid(winrt::guid_of<SyncTask>()); a.Register();
BackgroundTaskBuilder b; auto id = winrt::guid_of<OtherTask>(); b.SetTaskEntryPointClsid(id); b.Register(); }`,
	})
	if len(f.Registrations) != 2 {
		t.Fatalf("registrations %+v", f.Registrations)
	}
	a, b := f.Registrations[0].CLSID, f.Registrations[1].CLSID
	if a.Resolved || a.GuidOf != "SyncTask" || a.GuidOfIID != "33333333-2222-3333-4444-555555555555" {
		t.Errorf("guid_of<SyncTask>: %+v", a)
	}
	if b.Resolved || b.GuidOf != "OtherTask" || b.GuidOfIID != "" {
		t.Errorf("guid_of<OtherTask> through a local: %+v", b)
	}
}

func TestStartupTaskIDsAndToastActivators(t *testing.T) {
	f := scanMem(t, map[string]string{
		"Startup.cs": `class S { const string Id = "MyStartup"; async Task E() { var t = await StartupTask.GetAsync(Id); var u = await Windows.ApplicationModel.StartupTask.GetAsync(other); } }`,
		"Compat.cs": `public abstract class NotificationActivator : NotificationActivator.INotificationActivationCallback { }
[Guid("44444444-2222-3333-4444-555555555555")] public class MyActivator : NotificationActivator { }`,
		"Toast.h": `#define TOAST_CLSID "55555555-2222-3333-4444-555555555555"
class DECLSPEC_UUID(TOAST_CLSID) NativeActivator : public RuntimeClass<RuntimeClassFlags<ClassicCom>, INotificationActivationCallback> { };`,
	})
	if len(f.StartupTaskIDs) != 2 || !f.StartupTaskIDs[0].Resolved || f.StartupTaskIDs[0].Str != "MyStartup" || f.StartupTaskIDs[1].Resolved {
		t.Errorf("startup task ids %+v", f.StartupTaskIDs)
	}
	got := map[string]string{}
	for _, a := range f.ToastActivators {
		got[a.Name] = a.GUID
	}
	want := map[string]string{"MyActivator": "44444444-2222-3333-4444-555555555555", "NativeActivator": "55555555-2222-3333-4444-555555555555"}
	if len(got) != len(want) || got["MyActivator"] != want["MyActivator"] || got["NativeActivator"] != want["NativeActivator"] {
		t.Errorf("toast activators %+v, want %v", f.ToastActivators, want)
	}
}
