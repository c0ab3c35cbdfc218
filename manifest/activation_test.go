package manifest

import "testing"

func TestToastActivatorsAndStartupTasks(t *testing.T) {
	src := `<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"
  xmlns:desktop="http://schemas.microsoft.com/appx/manifest/desktop/windows10"
  xmlns:uap5="http://schemas.microsoft.com/appx/manifest/uap/windows10/5">
  <Applications>
    <Application Id="First" Executable="a.exe" EntryPoint="Windows.FullTrustApplication">
      <Extensions>
        <uap5:Extension Category="windows.startupTask" Executable="a.exe" EntryPoint="Windows.FullTrustApplication">
          <uap5:StartupTask TaskId="AutoStart" Enabled="false" DisplayName="A"/>
        </uap5:Extension>
      </Extensions>
    </Application>
    <Application Id="Second" Executable="b.exe" EntryPoint="Windows.FullTrustApplication">
      <Extensions>
        <desktop:Extension Category="windows.toastNotificationActivation">
          <desktop:ToastNotificationActivation ToastActivatorCLSID="{11111111-2222-3333-4444-555555555555}"/>
        </desktop:Extension>
        <desktop:Extension Category="windows.startupTask" Executable="b.exe" EntryPoint="Windows.FullTrustApplication">
          <desktop:StartupTask TaskId="SecondStart" Enabled="true" DisplayName="B"/>
        </desktop:Extension>
      </Extensions>
    </Application>
  </Applications>
</Package>`
	m := Parse("Package.appxmanifest", []byte(src))
	if len(m.Problems) > 0 {
		t.Fatalf("problems %+v", m.Problems)
	}
	if len(m.ToastActivators) != 1 || m.ToastActivators[0].CLSID.Value != "{11111111-2222-3333-4444-555555555555}" || m.ToastActivators[0].AppIndex != 1 || !m.ToastActivators[0].CLSID.ValuePos.IsValid() {
		t.Errorf("toast activators %+v", m.ToastActivators)
	}
	if len(m.StartupTasks) != 2 || m.StartupTasks[0].TaskID.Value != "AutoStart" || m.StartupTasks[0].AppIndex != 0 || m.StartupTasks[1].TaskID.Value != "SecondStart" || m.StartupTasks[1].AppIndex != 1 {
		t.Errorf("startup tasks %+v", m.StartupTasks)
	}
}
