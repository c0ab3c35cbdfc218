package rules

func init() { Register(xmlMalformed{}) }

type xmlMalformed struct{}

var metaBG001 = Meta{
	ID:       "BG001",
	Name:     "xml-malformed",
	Severity: Error,
	Summary:  "the manifest is not well-formed XML (position of the first error)",
	Doc: `# BG001 xml-malformed

**What it finds.** A manifest that cannot be read as XML: a tag that is
never closed or closed by the wrong end tag, an attribute written twice, a
namespace prefix that is never declared, a second root element, text
outside the root, a DOCTYPE or ENTITY declaration, nesting deeper than 1024
elements, bytes that are not valid UTF-8 or UTF-16 (a binary file, a file
saved in a legacy code page), an empty file. The finding points at the first
error; bgmanifest reads nothing past it, so the other rules stay silent for
that manifest until it is fixed.

**Why it fails.** MSBuild's manifest processing and MakeAppx parse the
manifest before anything else. A malformed file stops the build with an
"App manifest validation error" naming a line and column (0x80080204 when
it happens at deployment), and the package is never produced.
A DOCTYPE is refused outright: app manifests may not define entities.

**Bad**

` + "```xml" + `
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10">
  <Applications>
    <Application Id="App" Executable="App.exe" EntryPoint="App.App">
      <Extensions>
        <uap:Extension Category="windows.fileTypeAssociation"/>
      </Extensions>
  </Applications>
</Package>
` + "```" + `

The ` + "`uap`" + ` prefix is never declared and ` + "`<Application>`" + ` is never closed.

**Good**

` + "```xml" + `
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10"
         xmlns:uap="http://schemas.microsoft.com/appx/manifest/uap/windows10">
  <Applications>
    <Application Id="App" Executable="App.exe" EntryPoint="App.App">
      <Extensions>
        <uap:Extension Category="windows.fileTypeAssociation"/>
      </Extensions>
    </Application>
  </Applications>
</Package>
` + "```" + `

**How to fix.** Go to the reported line and column and repair the XML
there: close the element, declare the prefix on ` + "`<Package>`" + `, remove the
duplicate attribute or the DOCTYPE, or save the file as UTF-8 (Visual
Studio's "Save with Encoding…" or any editor's encoding menu).
`,
}

func (xmlMalformed) Meta() Meta { return metaBG001 }

func (xmlMalformed) Check(c *Context) []Finding {
	if c.Manifest == nil {
		return nil
	}
	if len(c.Manifest.Problems) == 0 {
		return nil
	}
	// Only the first error: what follows it may be its consequence (a
	// fragment whose root is not <Package> declares none of the
	// prefixes its elements use), and the doc promises one finding.
	p := c.Manifest.Problems[0]
	return []Finding{AtManifest(metaBG001, c.Manifest, p.Pos, "%s", p.Message)}
}
