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
// It is cheap because it is rare and narrow. Nothing happens when every
// declared class was found in the App. Otherwise a file is lexed only when
// it holds, as whole words (ASCII case folded), every dotted part of a
// missing class's name: a file that defines Ns.Sub.X names Ns, Sub and X
// (in its namespace declarations and its class), except the parts a
// Visual Basic project's RootNamespace supplies. The Apps of a monorepo
// share one Universe of tens of thousands of files, so an ElsewhereCache
// keeps a Bloom filter of each project's words for the run: the first App
// that searches reads the files once, and the next ones read only the
// projects whose filter may hold every word of a missing name.

// ElsewhereCache keeps the word filters of the projects searched, for the
// other Apps of one run. It is safe for concurrent use.
type ElsewhereCache struct {
	mu       sync.Mutex
	projects map[projectKey]*wordFilter
}

// projectKey names a project's file list (a project linked into two
// Universes with other files gets two filters).
type projectKey struct {
	path  string
	files int
}

// wordFilter is a Bloom filter of the identifiers (ASCII lower case) of a
// project's files.
type wordFilter struct {
	once sync.Once
	// special: a file holds bytes the word search could misread (UTF-16,
	// escapes that may spell an identifier): the project is always read.
	special bool
	bits    []uint64
}

// NewElsewhereCache returns an empty cache for one run.
func NewElsewhereCache() *ElsewhereCache {
	return &ElsewhereCache{projects: map[projectKey]*wordFilter{}}
}

func (c *ElsewhereCache) filter(key projectKey) *wordFilter {
	c.mu.Lock()
	defer c.mu.Unlock()
	wf := c.projects[key]
	if wf == nil {
		wf = &wordFilter{}
		c.projects[key] = wf
	}
	return wf
}

// fill builds the filter of the files' identifiers: about eight bits per
// identifier of a file of ordinary size, three probes each (a few per cent
// of false "maybe"; a project of large files only gets more of them).
func (wf *wordFilter) fill(files []SourceFile, ar *fileread.Arena) {
	n := 4096
	for n < len(files)*2048 && n < 1<<20 {
		n <<= 1
	}
	wf.bits = make([]uint64, n/64)
	for _, sf := range files {
		ar.Reset() // the bytes are hashed before the next read
		if _, src, _, _, ok := readSource(ar, sf, nil, nil); ok {
			wf.special = wf.special || relevantElsewhere(sf.Language, src)
			wf.addWords(src)
		}
	}
}

func (wf *wordFilter) addWords(src []byte) {
	for i := 0; i < len(src); {
		for i < len(src) && nameClass[src[i]] < 0 {
			i++
		}
		j := i
		var h uint64 = fnvOffset
		for j < len(src) && nameClass[src[j]] >= 0 {
			h = (h ^ uint64(lowerASCII(src[j]))) * fnvPrime
			j++
		}
		if j > i {
			for _, b := range wf.probes(h) {
				wf.bits[b/64] |= 1 << (b % 64)
			}
		}
		i = j
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func wordHash(w string) uint64 {
	var h uint64 = fnvOffset
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(lowerASCII(w[i]))) * fnvPrime
	}
	return h
}

func (wf *wordFilter) probes(h uint64) [3]uint64 {
	m := uint64(len(wf.bits) * 64)
	h2 := h>>33 | h<<31
	return [3]uint64{h % m, (h + h2) % m, (h + 2*h2) % m}
}

// mayHold reports whether the files may hold the word; a word that is not
// an ASCII identifier is always "maybe".
func (wf *wordFilter) mayHold(w *searchWord) bool {
	if !w.ascii {
		return true
	}
	for _, b := range wf.probes(w.hash) {
		if wf.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// searchWord is one dotted part of a missing class's name, lower case.
type searchWord struct {
	text  string
	ascii bool
	hash  uint64
	// search finds it as a whole word (nil when it is not ASCII)
	search *wordFinder
}

func newSearchWord(w string) *searchWord {
	return &searchWord{text: w, ascii: isASCIIIdent(w), hash: wordHash(w)}
}

// heldBy reports whether src holds the word as a whole identifier,
// ignoring ASCII case (any occurrence for a word that is not ASCII).
func (w *searchWord) heldBy(src []byte) bool {
	if !w.ascii {
		return strings.Contains(strings.ToLower(string(src)), w.text)
	}
	if w.search == nil { // built on first use: the filters reject most projects
		w.search = newWordFinder([][]byte{[]byte(w.text)})
	}
	return w.search.matchWord(src)
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

// nameWords holds the words of each missing name.
type nameWords struct {
	names []missingName
}

type missingName struct {
	lower string // the name in lower case
	words []*searchWord
}

func newNameWords(missing []string) *nameWords {
	nw := &nameWords{}
	shared := map[string]*searchWord{}
	for _, m := range missing {
		mn := missingName{lower: strings.ToLower(m)}
		for _, part := range strings.Split(mn.lower, ".") {
			w := shared[part]
			if w == nil {
				w = newSearchWord(part)
				shared[part] = w
			}
			mn.words = append(mn.words, w)
		}
		nw.names = append(nw.names, mn)
	}
	return nw
}

// required are the words of mn a file of sf's project must hold to define
// it: every dotted part of its name but those a Visual Basic project's
// RootNamespace puts in front.
func (mn missingName) required(sf SourceFile) []*searchWord {
	root := sf.RootNamespace
	if sf.Language != VB || root == "" || len(mn.lower) <= len(root) || mn.lower[len(root)] != '.' || !strings.EqualFold(mn.lower[:len(root)], root) {
		return mn.words
	}
	return mn.words[strings.Count(root, ".")+1:]
}

// mayDefine reports whether the project's filter may hold every required
// word of one of the missing names.
func (nw *nameWords) mayDefine(wf *wordFilter, sf SourceFile) bool {
	for _, mn := range nw.names {
		all := true
		for _, w := range mn.required(sf) {
			if !wf.mayHold(w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// defines reports whether src holds, as whole identifiers, every required
// word of one of the missing names.
func (nw *nameWords) defines(src []byte, sf SourceFile) bool {
	for _, mn := range nw.names {
		all := true
		for _, w := range mn.required(sf) {
			if !w.heldBy(src) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// elsewhereClasses searches the projects' files for the classes named
// missing (see the comment at the top of this file) and returns those it
// finds, each with the project that defines it. Each group holds the files
// of one project (a single group is split by project first).
func elsewhereClasses(groups [][]SourceFile, missing []string, overlay map[string][]byte, opts Options) []TaskClass {
	if len(missing) == 0 || len(groups) == 0 {
		return nil
	}
	if len(groups) == 1 {
		groups = byProject(groups[0])
	}
	nw := newNameWords(missing)
	var ar fileread.Arena
	var models []*fileModel
	for _, group := range groups {
		if len(group) == 0 {
			continue
		}
		if opts.Found != nil && group[0].Project != "" && !anyInOverlay(group, overlay) {
			wf := opts.Found.filter(projectKey{group[0].Project, len(group)})
			wf.once.Do(func() { wf.fill(group, &ar) })
			if !wf.special && !nw.mayDefine(wf, group[0]) {
				continue
			}
		}
		for _, sf := range group {
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
			ar.Reset()
			_, src, _, _, ok := readSource(&ar, sf, overlay, nil)
			if !ok || !relevantElsewhere(sf.Language, src) && !nw.defines(src, sf) {
				continue
			}
			if fm, _ := lexFile(sf, src, false, opts.Lexed); fm != nil {
				models = append(models, fm)
			}
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

// byProject splits a list of files into runs of one project.
func byProject(files []SourceFile) [][]SourceFile {
	var out [][]SourceFile
	for i := 0; i < len(files); {
		j := i + 1
		for j < len(files) && files[j].Project == files[i].Project {
			j++
		}
		out = append(out, files[i:j])
		i = j
	}
	return out
}

func anyInOverlay(files []SourceFile, overlay map[string][]byte) bool {
	if len(overlay) == 0 {
		return false
	}
	for _, sf := range files {
		if _, ok := overlay[sf.Path]; ok {
			return true
		}
	}
	return false
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
