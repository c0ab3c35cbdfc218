package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/bgmanifest/bgmanifest/lint"
	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/platform"
	"github.com/bgmanifest/bgmanifest/registration"
	"github.com/bgmanifest/bgmanifest/report"
	"github.com/bgmanifest/bgmanifest/workspace"
)

// The JSON shapes below are DESIGN.md's `dump` contract.

type dumpOut struct {
	Version int       `json:"version"`
	Apps    []dumpApp `json:"apps"`
	// SkippedManifests are the files with a manifest's name that are not
	// Apps, and why.
	SkippedManifests []dumpSkipped `json:"skippedManifests,omitempty"`
}

type dumpSkipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

type dumpApp struct {
	Manifest string  `json:"manifest"`
	Project  *string `json:"project"`
	// Owner says why the manifest is an App: project, explicit, linked,
	// fallback (workspace.Ownership).
	Owner           string        `json:"owner"`
	Configurations  []string      `json:"configurations,omitempty"`
	Projects        []dumpProject `json:"projects"`
	ReferencesKnown bool          `json:"referencesKnown"`
	Packages        []string      `json:"packages,omitempty"`
	SourceFiles     int           `json:"sourceFiles"`
	Declarations    any           `json:"declarations"`
	Registrations   []dumpReg     `json:"registrations,omitempty"`
	TaskClasses     []dumpClass   `json:"taskClasses,omitempty"`
	AccessRequests  []dumpSite    `json:"accessRequests,omitempty"`
	ExistingChecks  []dumpSite    `json:"existingChecks,omitempty"`
	Notes           []string      `json:"notes,omitempty"`
}

// dumpProject is one project of an App with the items that link the
// projects it brings in.
type dumpProject struct {
	Path  string     `json:"path"`
	Kind  string     `json:"kind"`
	Links []dumpLink `json:"links,omitempty"`
}

type dumpLink struct {
	Path string `json:"path"`
	Via  string `json:"via"`  // ProjectReference, HintPath, packaging
	Item string `json:"item"` // the item's value as written
	Line int    `json:"line,omitempty"`
}

type dumpSite struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

type dumpTrigger struct {
	Class     string   `json:"class"`
	TaskType  *string  `json:"taskType"`
	Accepted  []string `json:"acceptedTaskTypes,omitempty"`
	Args      []string `json:"args"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Resolved  bool     `json:"resolved"`
	Freshness *int     `json:"freshnessMinutes,omitempty"`
}

type dumpCondition struct {
	Class string `json:"class"`
	Type  string `json:"type"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

type dumpReg struct {
	File           string          `json:"file"`
	Line           int             `json:"line"`
	Column         int             `json:"column"`
	Name           *string         `json:"name"`
	EntryPoint     *string         `json:"entryPoint"`
	EntryPointExpr string          `json:"entryPointExpr"`
	Resolved       bool            `json:"resolved"`
	InProcess      bool            `json:"inProcess"`
	CLSID          *string         `json:"clsid"`
	WinAppSDK      bool            `json:"winAppSDK,omitempty"`
	Triggers       []dumpTrigger   `json:"triggers"`
	Conditions     []dumpCondition `json:"conditions"`
	RegisterCalls  []dumpSite      `json:"registerCalls"`
	// Discarded: configured, never registered, never handed on.
	Discarded bool       `json:"discarded,omitempty"`
	Via       []dumpSite `json:"via,omitempty"`
}

type dumpDeferral struct {
	Get      []dumpSite `json:"get"`
	Complete []dumpSite `json:"complete"`
	// HandedOn: the deferral goes to code the scanner could not follow;
	// NotTaken: Complete() on a deferral nothing assigns (BG211).
	HandedOn []dumpSite `json:"handedOn,omitempty"`
	NotTaken []dumpSite `json:"notTaken,omitempty"`
}

type dumpClass struct {
	Name                     string       `json:"name"`
	File                     string       `json:"file"`
	Line                     int          `json:"line"`
	Language                 string       `json:"language"`
	Kind                     string       `json:"kind"`
	Public                   bool         `json:"public"`
	Sealed                   bool         `json:"sealed"`
	ImplementsBackgroundTask bool         `json:"implementsBackgroundTask"`
	Project                  *string      `json:"project"`
	RunIsAsync               bool         `json:"runIsAsync"`
	Deferral                 dumpDeferral `json:"deferral"`
}

func runDump(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	withCode := fs.Bool("registrations", false, "include the code facts (registrations, task classes, access requests, existing checks)")
	paths, help, err := parsePaths(fs, args)
	if help || err != nil {
		return err
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return usagef("%s: no such file or directory", p)
		}
	}
	disc, err := workspace.Discover(paths, workspace.Options{})
	if err != nil {
		return usageError{err.Error()}
	}
	for _, n := range disc.Notes {
		fmt.Fprintf(stderr, "bgmanifest: note: %s\n", report.Safe(n.String()))
	}
	wd, _ := os.Getwd()
	rel := func(p string) string { return lint.RelPath(wd, p) }
	out := dumpOut{Version: 1, Apps: []dumpApp{}}
	for _, app := range disc.Apps {
		man, err := manifest.ParseFile(app.Manifest)
		if err != nil {
			fmt.Fprintf(stderr, "bgmanifest: %v\n", err)
			continue
		}
		da := dumpApp{Manifest: rel(app.Manifest), SourceFiles: len(app.Sources), Declarations: man.JSONModel(),
			Owner: string(app.Owner), Configurations: app.Configurations, ReferencesKnown: app.ReferencesKnown,
			Packages: app.Packages, Projects: []dumpProject{}}
		if app.Project != "" {
			p := rel(app.Project)
			da.Project = &p
		}
		for _, p := range app.Projects {
			dp := dumpProject{Path: rel(p.Path), Kind: string(p.Kind)}
			for _, l := range p.Links {
				dp.Links = append(dp.Links, dumpLink{Path: rel(l.Path), Via: string(l.Via), Item: l.Item, Line: l.Line})
			}
			da.Projects = append(da.Projects, dp)
		}
		if *withCode {
			facts := registration.Scan(app.Sources, registration.Options{Jobs: runtime.NumCPU(), EntryPoints: lint.DeclaredEntryPoints(man)})
			fillCode(&da, facts, rel)
		}
		out.Apps = append(out.Apps, da)
	}
	for _, sk := range disc.SkippedManifests {
		out.SkippedManifests = append(out.SkippedManifests, dumpSkipped{Path: rel(sk.Path), Reason: sk.Reason})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func strPtr(v registration.Value, set bool) *string {
	if !set || !v.Resolved {
		return nil
	}
	s := v.Str
	return &s
}

func sites(ps []registration.Pos, rel func(string) string) []dumpSite {
	out := []dumpSite{}
	for _, p := range ps {
		out = append(out, dumpSite{File: rel(p.File), Line: p.Line})
	}
	return out
}

func fillCode(da *dumpApp, facts *registration.Facts, rel func(string) string) {
	regs := []dumpReg{}
	for _, r := range facts.Registrations {
		d := dumpReg{
			File: rel(r.Pos.File), Line: r.Pos.Line, Column: r.Pos.Col,
			Name: strPtr(r.Name, r.Name.Resolved), EntryPoint: strPtr(r.EntryPoint, r.EntryPointSet),
			EntryPointExpr: r.EntryPoint.Expr, Resolved: r.Resolved(),
			InProcess: !r.EntryPointSet && !r.CLSIDSet && !r.WinAppSDK,
			CLSID:     strPtr(r.CLSID, r.CLSIDSet), WinAppSDK: r.WinAppSDK,
			Triggers: []dumpTrigger{}, Conditions: []dumpCondition{},
			RegisterCalls: sites(r.RegisterCalls, rel), Discarded: r.Discarded, Via: nil,
		}
		if len(r.Via) > 0 {
			d.Via = sites(r.Via, rel)
		}
		for _, t := range r.Triggers {
			dt := dumpTrigger{Class: t.Class, Args: t.Args, File: rel(t.Pos.File), Line: t.Pos.Line, Resolved: t.Resolved}
			if dt.Args == nil {
				dt.Args = []string{}
			}
			if info, ok := platform.TriggerTaskTypes(t.Class); ok && len(info.Accepted) > 0 {
				tt := info.Accepted[0]
				dt.TaskType = &tt
				dt.Accepted = info.Accepted
			}
			if t.FreshnessMinutes >= 0 && (t.Class == "TimeTrigger" || t.Class == "MaintenanceTrigger") {
				m := t.FreshnessMinutes
				dt.Freshness = &m
			}
			d.Triggers = append(d.Triggers, dt)
		}
		for _, c := range r.Conditions {
			d.Conditions = append(d.Conditions, dumpCondition{Class: c.Class, Type: c.Type, File: rel(c.Pos.File), Line: c.Pos.Line})
		}
		regs = append(regs, d)
	}
	da.Registrations = regs
	classes := []dumpClass{}
	for _, c := range facts.TaskClasses {
		dc := dumpClass{
			Name: c.Name, File: rel(c.Pos.File), Line: c.Pos.Line, Language: string(c.Language), Kind: c.Kind,
			Public: c.Public, Sealed: c.Sealed, ImplementsBackgroundTask: c.Implements, RunIsAsync: c.RunIsAsync,
			Deferral: dumpDeferral{Get: sites(c.DeferralGet, rel), Complete: sites(c.DeferralComplete, rel), HandedOn: sites(c.DeferralHandedOn, rel)},
		}
		for _, n := range c.DeferralNotTaken {
			dc.Deferral.NotTaken = append(dc.Deferral.NotTaken, sites([]registration.Pos{n.Pos}, rel)...)
		}
		if c.Project != "" {
			p := rel(c.Project)
			dc.Project = &p
		}
		classes = append(classes, dc)
	}
	da.TaskClasses = classes
	da.AccessRequests = sites(facts.AccessRequests, rel)
	da.ExistingChecks = sites(facts.ExistingChecks, rel)
	for _, n := range facts.Notes {
		da.Notes = append(da.Notes, fmt.Sprintf("%s:%d: %s", rel(n.Pos.File), n.Pos.Line, n.Message))
	}
}
