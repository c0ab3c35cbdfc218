package registration

import (
	"strings"
	"sync"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
)

// The search of Options.Elsewhere: the sources of the workspace's projects
// that the App does not reference, looked at only for the entry-point
// classes the App's own files do not define (BG108 names the project that
// defines one; BG103 may say a class exists nowhere only when this search
// found it nowhere, so it must not miss a definition the lexers would see).
//
// It is cheap because it is rare and narrow: nothing happens when every
// declared class was found in the App; otherwise each file is read once
// and searched for the missing classes' simple names as whole words
// (ASCII case folded), and only the files holding one are lexed. The
// verdicts of that byte search are kept in an ElsewhereCache shared by the
// Apps of one run, since the Apps of a monorepo share one Universe and
// each would otherwise read all of it again.

// ElsewhereCache remembers, for each simple class name searched for, which
// files of the run hold it as a word. It is safe for concurrent use.
type ElsewhereCache struct {
	mu    sync.Mutex
	ids   map[string]int // file path → bit index
	words map[string]*wordFiles
}

// wordFiles are two bit sets over the cache's file ids: the files searched
// for the word, and those of them that hold it.
type wordFiles struct {
	searched, holds []uint64
}

// NewElsewhereCache returns an empty cache for one run.
func NewElsewhereCache() *ElsewhereCache {
	return &ElsewhereCache{ids: map[string]int{}, words: map[string]*wordFiles{}}
}

// verdict returns what the cache knows of path for word: known is false
// when the file was not searched for it yet.
func (c *ElsewhereCache) verdict(path, word string) (holds, known bool) {
	if c == nil {
		return false, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[path]
	w := c.words[word]
	if !ok || w == nil || id/64 >= len(w.searched) || w.searched[id/64]&(1<<(id%64)) == 0 {
		return false, false
	}
	return w.holds[id/64]&(1<<(id%64)) != 0, true
}

// record keeps the verdict of path for word.
func (c *ElsewhereCache) record(path, word string, holds bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[path]
	if !ok {
		id = len(c.ids)
		c.ids[path] = id
	}
	w := c.words[word]
	if w == nil {
		w = &wordFiles{}
		c.words[word] = w
	}
	for id/64 >= len(w.searched) {
		w.searched = append(w.searched, 0)
		w.holds = append(w.holds, 0)
	}
	w.searched[id/64] |= 1 << (id % 64)
	if holds {
		w.holds[id/64] |= 1 << (id % 64)
	}
}

// missingEntryPoints are the names of opts.EntryPoints (as written, spaces
// trimmed) that no class of facts carries.
func missingEntryPoints(facts *Facts, entryPoints []string) []string {
	if len(entryPoints) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, tc := range facts.TaskClasses {
		have[NormClassName(tc.Name)] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, ep := range entryPoints {
		n := NormClassName(ep)
		if n == "" || !strings.Contains(n, ".") || have[n] || seen[n] || n == universalBGTask {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// universalBGTask is the Windows App SDK's own entry point: its class is in
// the SDK, never in a project of the workspace.
const universalBGTask = "Microsoft.Windows.ApplicationModel.Background.UniversalBGTask.Task"

// NormClassName writes a class name the way a manifest does: C++ "::"
// separators as dots, no "global::" or "Global." qualifier, a C++/WinRT
// implementation type (winrt::Ns::implementation::X) as its runtime class
// Ns.X.
func NormClassName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "global::")
	s = strings.TrimPrefix(s, "::")
	s = strings.ReplaceAll(s, "::", ".")
	s = strings.TrimPrefix(s, "Global.")
	for _, impl := range []string{".factory_implementation.", ".implementation."} {
		if i := strings.LastIndex(s, impl); i >= 0 {
			s = s[:i] + "." + s[i+len(impl):]
		}
	}
	return strings.TrimPrefix(s, "winrt.")
}

// elsewhereClasses searches files for the classes named missing (see the
// comment at the top of this file) and returns those it finds, each with
// the project that defines it.
func elsewhereClasses(files []SourceFile, missing []string, overlay map[string][]byte, opts Options) []TaskClass {
	if len(missing) == 0 || len(files) == 0 {
		return nil
	}
	words := map[string]bool{}
	var order []string
	for _, m := range missing {
		w := strings.ToLower(lastPart(m))
		if !words[w] {
			words[w] = true
			order = append(order, w)
		}
	}
	searches := make([]interface{ matchWord([]byte) bool }, len(order))
	for i, w := range order {
		if !isASCIIIdent(w) {
			searches[i] = nil // folded by hand below
			continue
		}
		if s, ok := newSkipSearch([][]byte{[]byte(w)}, true); ok {
			searches[i] = s
		} else {
			searches[i] = newNameAutomaton([][]byte{[]byte(w)})
		}
	}
	var ar fileread.Arena
	var models []*fileModel
	for _, sf := range files {
		if sf.Language == "" {
			lang, ok := LanguageOf(sf.Path)
			if !ok {
				continue
			}
			sf.Language = lang
		}
		if sf.Language == JavaScript {
			continue // a script defines no activatable class
		}
		_, inOverlay := overlay[sf.Path]
		useCache := !inOverlay && opts.Found != nil
		candidate, unknown := false, false
		for _, w := range order {
			if !useCache {
				unknown = true
				break
			}
			holds, known := opts.Found.verdict(sf.Path, w)
			if !known {
				unknown = true
				break
			}
			candidate = candidate || holds
		}
		if !candidate && !unknown {
			continue
		}
		ar.Reset()
		sf2, src, _, _, ok := readSource(&ar, sf, overlay, nil)
		if !ok {
			continue
		}
		if unknown {
			special := relevantElsewhere(sf2.Language, src)
			candidate = false
			for i, w := range order {
				holds := special || holdsWord(searches[i], w, src)
				if useCache {
					opts.Found.record(sf.Path, w, holds)
				}
				candidate = candidate || holds
			}
		}
		if !candidate {
			continue
		}
		fm, _ := lexFile(sf2, src, false, opts.Lexed)
		if fm != nil {
			models = append(models, fm)
		}
	}
	if len(models) == 0 {
		return nil
	}
	var out []TaskClass
	func() {
		defer func() {
			if recover() != nil {
				out = nil // a scanner bug must not invent findings; the App's own scan reports such bugs
			}
		}()
		ix := newIndex(models)
		want := map[string]bool{}
		for _, m := range missing {
			want[m] = true
		}
		for _, tc := range taskClasses(ix, nil, missing) {
			if want[NormClassName(tc.Name)] {
				out = append(out, tc)
			}
		}
	}()
	return out
}

// holdsWord reports whether src holds the lower-case word w as a whole
// identifier, ignoring case (search is nil for a word that is not ASCII).
func holdsWord(search interface{ matchWord([]byte) bool }, w string, src []byte) bool {
	if search != nil {
		return search.matchWord(src)
	}
	return strings.Contains(strings.ToLower(string(src)), w)
}

// relevantElsewhere reports bytes the whole-word search could misread:
// UTF-16 text, the two runes that case-fold to an ASCII letter, and
// escapes that may spell an identifier (relevantSource without its "every
// IDL file", since an IDL file names its runtime classes in plain ASCII).
func relevantElsewhere(lang Language, src []byte) bool {
	if lang == IDL {
		return len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF)
	}
	return relevantSource(lang, src)
}

func isASCIIIdent(w string) bool {
	for i := 0; i < len(w); i++ {
		if nameClass[w[i]] < 0 {
			return false
		}
	}
	return w != ""
}
