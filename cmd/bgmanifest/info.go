package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/bgmanifest/bgmanifest/manifest"
	"github.com/bgmanifest/bgmanifest/rules"
	"github.com/bgmanifest/bgmanifest/schema"
)

func runRules(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usagef("rules takes no arguments")
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tSUMMARY")
	for _, r := range rules.All() {
		m := r.Meta()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.ID, m.Name, m.Severity, m.Summary)
	}
	return tw.Flush()
}

func runExplain(args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return usagef("usage: bgmanifest explain RULE (an ID such as BG102 or a name such as trigger-type-not-declared)")
	}
	r, ok := rules.Lookup(args[0])
	if !ok {
		return usagef("unknown rule %q (see `bgmanifest rules`)", args[0])
	}
	m := r.Meta()
	fmt.Fprintf(stdout, "%s %s [%s]\n\n%s\n\n%s\n", m.ID, m.Name, m.Severity, m.Summary, strings.TrimSpace(m.Doc))
	return nil
}

func runSchema(args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return usagef("usage: bgmanifest schema NAME (one of %s)", strings.Join(schema.Names(), ", "))
	}
	src, err := schema.Source(args[0])
	if err != nil {
		return usageError{err.Error()}
	}
	_, err = stdout.Write(src)
	return err
}

// decodeText returns a file's text as UTF-8; manifests may be UTF-16, and
// the manifest reader knows how to decode them.
func decodeText(b []byte) string {
	if len(b) >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
		return string(manifest.Parse("", b).Text)
	}
	return strings.TrimPrefix(string(b), "\ufeff")
}
