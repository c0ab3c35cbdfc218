package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bgmanifest/bgmanifest/rules"
)

// The SARIF 2.1.0 subset bgmanifest writes. Small typed structs of our own:
// the Go SARIF libraries drag in test and schema dependencies. The test
// validates the output against the OASIS schema.
const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion   = "2.1.0"
	toolName       = "bgmanifest"
	toolInfoURI    = "https://github.com/bgmanifest/bgmanifest"
	// fingerprintKey names bgmanifest's own partial fingerprint; the
	// version suffix changes if its recipe ever does.
	fingerprintKey = "bgmanifest/v1"
	srcRootBase    = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	// Our columns count Unicode characters, not UTF-16 code units (SARIF's
	// default), so viewers put the markers where the text output does.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string            `json:"name"`
	InformationURI string            `json:"informationUri"`
	Version        string            `json:"version,omitempty"`
	Rules          []sarifDescriptor `json:"rules"`
}

type sarifDescriptor struct {
	ID                   string                    `json:"id"`
	Name                 string                    `json:"name"`
	ShortDescription     *sarifMultiformat         `json:"shortDescription,omitempty"`
	FullDescription      *sarifMultiformat         `json:"fullDescription,omitempty"`
	HelpURI              string                    `json:"helpUri,omitempty"`
	Help                 *sarifMultiformat         `json:"help,omitempty"`
	DefaultConfiguration sarifReportingConfig      `json:"defaultConfiguration"`
	Properties           sarifDescriptorProperties `json:"properties"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifReportingConfig struct {
	Level string `json:"level"`
}

type sarifDescriptorProperties struct {
	Tags []string `json:"tags"`
	// problem.severity is what GitHub code scanning reads to rank alerts.
	ProblemSeverity string `json:"problem.severity"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        *int            `json:"ruleIndex,omitempty"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
	// PartialFingerprints identify a result across runs, so a code-scanning
	// service keeps an alert open (not closed and reopened) when the lines
	// above it move.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}

func writeSARIF(w io.Writer, findings []rules.Finding, _ Summary, opt Options) error {
	return encodeIndented(w, newSARIFLog(findings, opt))
}

func newSARIFLog(findings []rules.Finding, opt Options) sarifLog {
	driver := sarifDriver{
		Name:           toolName,
		InformationURI: toolInfoURI,
		Version:        opt.ToolVersion,
		Rules:          make([]sarifDescriptor, 0, len(opt.Rules)),
	}
	ruleIndex := make(map[string]int, len(opt.Rules))
	for _, m := range opt.Rules {
		ruleIndex[m.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, newSARIFDescriptor(m, opt.ToolVersion))
	}
	paths := newSARIFPaths(opt.SourceRoot, opt.RepoRoot)
	run := sarifRun{
		Tool:               sarifTool{Driver: driver},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRootBase: srcRootLocation(paths.root)},
		ColumnKind:         "unicodeCodePoints",
		Results:            make([]sarifResult, 0, len(findings)),
	}
	seen := map[string]int{}
	for _, f := range findings {
		res := newSARIFResult(f, ruleIndex, paths)
		fp := fingerprint(f, paths.rel(f.File), opt.SourceLine)
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp = fmt.Sprintf("%s:%d", fp, n) // the same finding again on an identical line
		}
		res.PartialFingerprints = map[string]string{fingerprintKey: fp}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}
}

func newSARIFDescriptor(m rules.Meta, version string) sarifDescriptor {
	d := sarifDescriptor{
		ID:                   m.ID,
		Name:                 m.Name,
		HelpURI:              ruleHelpURI(m, version),
		DefaultConfiguration: sarifReportingConfig{Level: sarifLevel(m.Severity)},
		Properties: sarifDescriptorProperties{
			Tags:            []string{"background-tasks", ruleCategory(m.ID)},
			ProblemSeverity: problemSeverity(m.Severity),
		},
	}
	if m.Summary != "" {
		d.ShortDescription = &sarifMultiformat{Text: m.Summary}
	}
	if full := firstParagraph(m.Doc); full != "" {
		d.FullDescription = &sarifMultiformat{Text: full}
	} else if m.Summary != "" {
		d.FullDescription = &sarifMultiformat{Text: m.Summary}
	}
	if m.Doc != "" {
		d.Help = &sarifMultiformat{Text: m.Doc, Markdown: m.Doc}
	}
	return d
}

func newSARIFResult(f rules.Finding, ruleIndex map[string]int, paths sarifPaths) sarifResult {
	res := sarifResult{
		RuleID:  f.Rule,
		Level:   sarifLevel(f.Severity),
		Message: sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{
			PhysicalLocation: sarifPhysical(paths.rel(f.File), sarifRegion{
				StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			}),
		}},
	}
	if i, ok := ruleIndex[f.Rule]; ok {
		res.RuleIndex = &i
	}
	for i, r := range f.Related {
		id := i + 1
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID:               &id,
			PhysicalLocation: sarifPhysical(paths.rel(r.File), sarifRegion{StartLine: r.Line, StartColumn: r.Column}),
			Message:          &sarifMessage{Text: r.Message},
		})
	}
	if fix, ok := newSARIFFix(f.Fix, paths); ok {
		res.Fixes = []sarifFix{fix}
	}
	return res
}

// newSARIFFix groups a fix's edits by file, keeping their order. SARIF wants
// at least one replacement per change, so a fix without edits is left out.
func newSARIFFix(fix *rules.Fix, paths sarifPaths) (sarifFix, bool) {
	if fix == nil || len(fix.Edits) == 0 {
		return sarifFix{}, false
	}
	out := sarifFix{Description: sarifMessage{Text: fix.Description}}
	changeOf := map[string]int{}
	for _, e := range fix.Edits {
		i, ok := changeOf[e.File]
		if !ok {
			i = len(out.ArtifactChanges)
			changeOf[e.File] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: sarifArtifact(paths.rel(e.File))})
		}
		rep := sarifReplacement{DeletedRegion: sarifRegion{
			StartLine: atLeastOne(e.Line), StartColumn: atLeastOne(e.Column),
			EndLine: atLeastOne(e.EndLine), EndColumn: atLeastOne(e.EndColumn),
		}}
		if e.NewText != "" {
			rep.InsertedContent = &sarifContent{Text: e.NewText}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, rep)
	}
	return out, true
}

func sarifPhysical(file string, region sarifRegion) sarifPhysicalLocation {
	return sarifPhysicalLocation{ArtifactLocation: sarifArtifact(file), Region: region}
}

// sarifArtifact makes a relative path a URI reference against %SRCROOT%; an
// absolute path (a file outside the current directory) becomes a file URI.
func sarifArtifact(file string) sarifArtifactLocation {
	p := filepath.ToSlash(file)
	if isAbsolutePath(p) {
		return sarifArtifactLocation{URI: fileURI(p)}
	}
	// String, unlike EscapedPath, writes "./" before a first segment with a
	// colon so that it cannot be read as a scheme.
	u := url.URL{Path: p}
	return sarifArtifactLocation{URI: u.String(), URIBaseID: srcRootBase}
}

// sarifPaths rebases finding paths, relative to the working directory, onto
// the repository root.
type sarifPaths struct {
	root  string // %SRCROOT%: the repository root, or the working directory
	shift string // the working directory relative to root, "" when the same
}

func newSARIFPaths(workDir, repoRoot string) sarifPaths {
	if repoRoot == "" || workDir == "" {
		return sarifPaths{root: workDir}
	}
	shift, err := filepath.Rel(repoRoot, workDir)
	if err != nil || shift == ".." || strings.HasPrefix(shift, ".."+string(filepath.Separator)) {
		return sarifPaths{root: workDir} // not inside the repository after all
	}
	if shift == "." {
		shift = ""
	}
	return sarifPaths{root: repoRoot, shift: shift}
}

// rel turns a path relative to the working directory into one relative to
// root; absolute paths stay as they are.
func (p sarifPaths) rel(file string) string {
	if p.shift == "" || file == "" || filepath.IsAbs(file) || isAbsolutePath(filepath.ToSlash(file)) {
		return file
	}
	return filepath.ToSlash(filepath.Join(p.shift, file))
}

// ruleHelpURI points at the rule's section of docs/rules.md, at the
// release's tag when the version is one and on main otherwise. The anchor
// is the one GitHub gives the heading "## BG102 trigger-type-not-declared".
func ruleHelpURI(m rules.Meta, version string) string {
	ref := "main"
	if isReleaseVersion(version) {
		ref = version
	}
	return toolInfoURI + "/blob/" + ref + "/docs/rules.md#" + strings.ToLower(m.ID) + "-" + m.Name
}

// isReleaseVersion accepts vMAJOR.MINOR.PATCH with an optional pre-release
// part, not a pseudo-version (v0.0.0-20260101…-abcdef), "dev" or "(devel)".
func isReleaseVersion(v string) bool {
	if !strings.HasPrefix(v, "v") || strings.Count(v, "-") > 1 || strings.HasPrefix(v, "v0.0.0-") {
		return false
	}
	core, _, _ := strings.Cut(v[1:], "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// digits matches the numbers a message may quote ("see line 11"), which
// move with the lines.
var digits = regexp.MustCompile(`[0-9]+`)

// fingerprint identifies a finding by what does not change when lines move:
// the rule, the repository-relative file, the message, and the text of its
// line without surrounding blanks (when the caller can supply it). Line and
// column numbers are left out on purpose.
func fingerprint(f rules.Finding, file string, sourceLine func(string, int) (string, bool)) string {
	h := sha256.New()
	text := ""
	if sourceLine != nil {
		if l, ok := sourceLine(f.File, f.Line); ok {
			text = strings.TrimSpace(l)
		}
	}
	for _, part := range []string{f.Rule, file, digits.ReplaceAllString(f.Message, "0"), text} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func srcRootLocation(root string) sarifArtifactLocation {
	if root == "" {
		return sarifArtifactLocation{Description: &sarifMessage{Text: "The directory bgmanifest ran in; finding paths are relative to it."}}
	}
	uri := fileURI(filepath.ToSlash(root))
	if !strings.HasSuffix(uri, "/") {
		uri += "/" // SARIF requires a base URI to end with a slash
	}
	return sarifArtifactLocation{URI: uri}
}

// isAbsolutePath recognises absolute paths of either platform, slashes
// already forward: "/x", "C:/x", "//server/share".
func isAbsolutePath(p string) bool {
	return strings.HasPrefix(p, "/") || hasDriveLetter(p)
}

func hasDriveLetter(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z'))
}

// fileURI turns an absolute forward-slash path into a file URI:
// "/home/a b" → "file:///home/a%20b", "C:/src" → "file:///C:/src",
// "//server/share/x" → "file://server/share/x".
func fileURI(p string) string {
	if strings.HasPrefix(p, "//") {
		rest := p[2:]
		host, path, _ := strings.Cut(rest, "/")
		u := url.URL{Scheme: "file", Host: host, Path: "/" + path}
		return u.String()
	}
	if hasDriveLetter(p) {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p}
	// url.URL writes "file:///..." only when Host is empty and Path is absolute.
	return "file://" + u.EscapedPath()
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Info:
		return "note"
	}
	return "none"
}

func problemSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "recommendation"
}

// ruleCategory names the rule family by the hundreds digit of its ID, as
// the catalogue in DESIGN.md groups them.
func ruleCategory(id string) string {
	if len(id) == 5 && strings.HasPrefix(id, "BG") {
		switch id[2] {
		case '0':
			return "manifest"
		case '1':
			return "manifest-vs-code"
		case '2':
			return "code"
		case '9':
			return "suppression"
		}
	}
	return "other"
}

// firstParagraph returns the first prose paragraph of a markdown doc,
// skipping headings, joined onto one line: SARIF's fullDescription is meant
// to be shorter than the help text.
func firstParagraph(doc string) string {
	var para []string
	for _, line := range strings.Split(strings.ReplaceAll(doc, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" && len(para) > 0:
			return strings.Join(para, " ")
		case t == "", strings.HasPrefix(t, "#"):
			continue
		case strings.HasPrefix(t, "```") && len(para) == 0:
			return "" // a doc that opens with code has no prose summary to offer
		default:
			para = append(para, t)
		}
	}
	return strings.Join(para, " ")
}
