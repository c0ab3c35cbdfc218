package registration

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bgmanifest/bgmanifest/internal/fileread"
	"github.com/bgmanifest/bgmanifest/internal/parallel"
)

// MaxFileSize is the largest source file Scan reads; larger files are
// skipped with a Note (generated code, bundles).
const MaxFileSize = 8 << 20

// Options tune Scan.
type Options struct {
	// Jobs is the number of files read and lexed in parallel; <= 0 means
	// runtime.NumCPU().
	Jobs int
	// Marker, when set, makes Facts.Marked record for every file read
	// whether its bytes contain Marker, so that a caller looking for
	// comments with it (the inline suppressions) need not read the files
	// a second time.
	Marker []byte
	// LexAll lexes every file up front instead of only those that may
	// matter (the behaviour before the byte prefilter; the prefilter's
	// tests compare the two).
	LexAll bool
	// Lexed, when set, shares the tokens of linked and shared files with
	// the other Apps of the run that read them (nil: every file is lexed).
	Lexed *LexCache
	// Reads, when set, shares the first reading of the files marked
	// SourceFile.Shared with the other Apps of the run.
	Reads *SharedReads
	// EntryPoints are class names ("Namespace.Class") the caller knows to
	// be entry points (the manifest's declarations): their classes are
	// in Facts.TaskClasses whether or not they implement IBackgroundTask,
	// so that the rules can say what is wrong with them.
	EntryPoints []string
	// Elsewhere are source files of projects the App does not reference
	// (workspace.App.Unreferenced). They are searched only for the
	// classes named in EntryPoints that the App's own files do not
	// define; what is found goes to Facts.ElsewhereClasses (BG108).
	Elsewhere []SourceFile
	// ElsewhereFrom, when set and Elsewhere is nil, lists Elsewhere on
	// demand, one slice per project (the callers' own slices, not
	// copied): the Apps of a monorepo share one Universe of tens of
	// thousands of files, and only an App that lacks a declared class
	// should pay for going through them.
	ElsewhereFrom func() [][]SourceFile
	// OutsideFrom, when set, lists more projects the same way (those of
	// the repository that the App's solution leaves out): searched only
	// for the classes the Elsewhere projects do not define either.
	OutsideFrom func() [][]SourceFile
	// Found, when set, keeps a summary of the words of each Elsewhere
	// project for the other Apps of the run (which share most of them).
	Found *ElsewhereCache
	// Mentions are names (the manifest's entry points and script start
	// pages) whose mentions in code Facts.Mentioned records.
	Mentions []string
}

// LanguageOf maps a file name to the language the scanner reads it as.
func LanguageOf(path string) (Language, bool) {
	// Only the extension is lower-cased: the walk asks for every file of
	// the tree, and lower-casing each whole name was an allocation apiece.
	switch strings.ToLower(filepath.Ext(path)) {
	case ".cs":
		return CSharp, true
	case ".vb":
		return VB, true
	case ".cpp", ".cc", ".cxx", ".h", ".hpp", ".hxx", ".inl", ".ipp":
		return CPP, true
	case ".idl":
		return IDL, true
	case ".js", ".mjs":
		return JavaScript, true
	}
	return "", false
}

// Scan reads, lexes and parses every file (in parallel) and resolves the
// registrations across all of them. It never panics: a file that cannot
// be read or that trips the scanner becomes a Note.
func Scan(files []SourceFile, opts Options) *Facts {
	return ScanWithOverlay(files, nil, opts)
}

// ScanWithOverlay is Scan with the content of some files supplied by the
// caller (unsaved editor buffers), keyed by SourceFile.Path.
//
// Unless Options.LexAll is set, only the files that may register or
// declare something (relevantSource) are lexed at first; resolution then
// records every name it looked up across files, and the files not lexed
// yet that hold one of those words (or belong to a project holding a task
// class) are lexed and the App resolved again, until no file is added.
// Lexing was half of a workspace check's CPU, nearly all of it on files
// that define nothing the resolver asks for.
func ScanWithOverlay(files []SourceFile, overlay map[string][]byte, opts Options) *Facts {
	// The files' bytes come from an arena reused scan after scan: nothing
	// the scan returns shares their memory (the lexers copy what they
	// keep; TestScanKeepsNoFileBytes checks it).
	ar := arenas.Get().(*fileread.Arena)
	defer func() { ar.Reset(); arenas.Put(ar) }()
	files = append([]SourceFile(nil), files...) // Language is filled in below
	models := make([]*fileModel, len(files))
	notes := make([][]Note, len(files))
	marks := make([]mark, len(files))
	pending := make([][]byte, len(files)) // read, not lexed yet
	read := make([]bool, len(files))
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	// use takes file i's first reading: lexed now, or pending.
	use := func(i int, r firstRead) {
		files[i].Language = r.lang
		notes[i], marks[i], read[i] = r.notes, r.mk, r.ok
		if !r.ok {
			return
		}
		src := r.src
		if src == nil {
			// another App read it and its bytes were not kept
			_, b, ns, mk, ok := readSource(ar, files[i], overlay, opts.Marker)
			if !ok {
				notes[i], marks[i], read[i] = ns, mk, ok
				return
			}
			src = b
		}
		if opts.LexAll || r.lex {
			models[i], notes[i] = lexFile(files[i], src, r.in, opts.Lexed)
			return
		}
		pending[i] = src
	}
	shared := sharedFor(opts, overlay)
	var laterMu sync.Mutex
	var later []int // files another App was reading
	waitFor := make([]*sharedRead, len(files))
	parallel.For(len(files), jobs, func(i int) {
		if !shared(files[i]) {
			use(i, readFirst(ar, files[i], overlay, opts.Marker))
			return
		}
		e, mine := opts.Reads.claim(files[i].Path + "\x00" + string(files[i].Language))
		if mine {
			r := readFirstShared(e, opts.Reads, files[i], opts.Marker)
			use(i, r)
			return
		}
		if r, ok := e.ready(); ok {
			use(i, r)
			return
		}
		laterMu.Lock()
		later = append(later, i)
		waitFor[i] = e
		laterMu.Unlock()
	})
	for _, i := range later {
		use(i, waitFor[i].wait())
	}
	asked := map[string]bool{} // names the pending files were searched for
	for round := 0; ; round++ {
		facts, ix := resolveLive(files, models, notes, marks, read, opts)
		if ix == nil {
			return finish(facts, overlay, opts)
		}
		var todo []int
		if round < maxLexRounds {
			todo = filesWanted(files, pending, ix, asked, readsFor(opts), sharedFor(opts, overlay))
		} else {
			todo = remaining(pending) // bounded: lex the rest
		}
		if len(todo) == 0 {
			return finish(facts, overlay, opts)
		}
		parallel.For(len(todo), jobs, func(k int) {
			i := todo[k]
			models[i], notes[i] = lexFile(files[i], pending[i], false, opts.Lexed) // pending: not interesting
			pending[i] = nil
		})
	}
}

var arenas = sync.Pool{New: func() any { return new(fileread.Arena) }}

// maxLexRounds bounds the rounds of lexing wanted files; after them every
// file still pending is lexed.
const maxLexRounds = 5

// finish looks for the classes the App lacks in opts.Elsewhere, and sorts.
func finish(facts *Facts, overlay map[string][]byte, opts Options) *Facts {
	if missing := missingEntryPoints(facts, opts.EntryPoints); len(missing) > 0 {
		groups := [][]SourceFile{opts.Elsewhere}
		if opts.Elsewhere == nil && opts.ElsewhereFrom != nil {
			groups = opts.ElsewhereFrom()
		}
		facts.ElsewhereClasses = elsewhereClasses(groups, missing, overlay, opts)
		if opts.OutsideFrom != nil {
			if still := notFound(missing, facts.ElsewhereClasses); len(still) > 0 {
				facts.ElsewhereClasses = append(facts.ElsewhereClasses, elsewhereClasses(opts.OutsideFrom(), still, overlay, opts)...)
			}
		}
	}
	sortFacts(facts)
	return facts
}

// notFound lists the names of missing that no class of found defines.
func notFound(missing []string, found []TaskClass) []string {
	have := map[string]bool{}
	for _, tc := range found {
		have[NormClassName(tc.Name)] = true
	}
	var out []string
	for _, m := range missing {
		if !have[m] {
			out = append(out, m)
		}
	}
	return out
}

// resolveLive resolves the files lexed so far into fresh Facts; the index
// comes back for its wanted names (nil when resolution panicked).
func resolveLive(files []SourceFile, models []*fileModel, notes [][]Note, marks []mark, read []bool, opts Options) (*Facts, *appIndex) {
	facts := &Facts{Registrations: []Registration{}, TaskClasses: []TaskClass{}, AccessRequests: []Pos{}, ExistingChecks: []Pos{}, BackgroundActivated: []Pos{}}
	if opts.Marker != nil {
		facts.Marked = map[string]bool{}
		for i, mk := range marks {
			if mk != unread {
				facts.Marked[files[i].Path] = mk == marked
			}
		}
	}
	var live []*fileModel
	for i, m := range models {
		facts.Notes = append(facts.Notes, notes[i]...)
		if m != nil {
			live = append(live, m)
		}
		if read[i] && (m != nil || notes[i] == nil) { // lexed, or read and left unlexed
			facts.FilesScanned++
		}
	}
	var ix *appIndex
	func() {
		defer func() {
			if r := recover(); r != nil {
				ix = nil
				facts.Notes = append(facts.Notes, Note{Message: fmt.Sprintf("internal error while resolving registrations: %v", r), Internal: true})
			}
		}()
		ix = resolve(live, facts, opts.EntryPoints, opts.Mentions)
	}()
	return facts, ix
}

func remaining(pending [][]byte) []int {
	var out []int
	for i, src := range pending {
		if src != nil {
			out = append(out, i)
		}
	}
	return out
}

// filesWanted lists the pending files that hold a name the resolver asked
// for as a whole word, or may define a method it asked for, or that belong
// to a component holding a task class. Names in asked were searched for in
// an earlier round (a file still pending does not hold them); the new ones
// are added to it.
//
// reads, when not nil, shares the answers on the files shared tells with
// the other Apps of the run.
func filesWanted(files []SourceFile, pending [][]byte, ix *appIndex, asked map[string]bool, reads *SharedReads, shared func(SourceFile) bool) []int {
	var words, methods [][]byte
	for w := range ix.wants {
		if asked[w] {
			continue
		}
		asked[w] = true
		part := lastIdent(w)
		if !isASCII(part) {
			return remaining(pending) // not ASCII: the byte search cannot fold it
		}
		if part != "" {
			words = append(words, []byte(part))
		}
	}
	for w := range ix.wantMethods {
		if ix.wants[w] || asked[methodKey+w] {
			continue // searched for as a whole word, which finds more
		}
		asked[methodKey+w] = true
		if !isASCII(w) || len(identParts(w)) != 1 {
			return remaining(pending)
		}
		methods = append(methods, []byte(w))
	}
	var defs *wordFinder
	if len(methods) > 0 {
		defs = newWordFinder(methods)
	}
	calls, ok := newCallSearch(ix.wantCalls, func(w string) bool { return ix.wants[w] }, callKey, asked, false)
	if !ok {
		return remaining(pending)
	}
	// the wider search finds more: a name searched for as a word or a
	// call through any receiver needs no search in its class's text
	classCalls, ok := newCallSearch(ix.wantClassCalls, func(w string) bool { return ix.wants[w] || ix.wantCalls[w] != nil }, classCallKey, asked, true)
	if !ok {
		return remaining(pending)
	}
	if calls != nil {
		calls.build()
	}
	if classCalls != nil {
		classCalls.build()
	}
	var names *wordFinder
	if len(words) > 0 {
		names = newWordFinder(words)
	}
	// Every test below needs one of its words in the file as a whole
	// word: one search for all of them rules out most files in one pass,
	// where the tests would take up to three.
	var screen *skipSearch
	if kinds := btoi(names != nil) + btoi(defs != nil) + btoi(calls != nil) + btoi(classCalls != nil); kinds > 1 {
		all := append(append([][]byte{}, words...), methods...)
		if calls != nil {
			all = append(all, calls.names...)
		}
		if classCalls != nil {
			all = append(all, classCalls.names...)
		}
		screen, _ = sharedSkipSearch(all, true)
	}
	search := func(i int) bool {
		src := pending[i]
		if screen != nil && !screen.match(src) {
			return false
		}
		return names != nil && names.matchWord(src) || defs != nil && mayDefineMethod(files[i].Language, src, defs) ||
			calls != nil && calls.mayCall(files[i].Language, src) || classCalls != nil && classCalls.mayCall(files[i].Language, src)
	}
	unsealed := func(i int) bool {
		return files[i].Component && ix.wantProjects[files[i].Project] && files[i].Project != "" && unsealedCandidate(files[i].Language, pending[i])
	}
	var key string // the search, for the answers shared with other Apps
	if (names != nil || defs != nil || calls != nil || classCalls != nil) && reads != nil {
		key = searchKey(words, methods, calls, classCalls)
	}
	var out, later []int
	waitFor := map[int]*sharedVerdict{}
	for i, src := range pending {
		if src == nil {
			continue
		}
		var hit bool
		switch {
		case names == nil && defs == nil && calls == nil && classCalls == nil:
		case key == "" || !shared(files[i]):
			hit = search(i)
		default:
			v, mine := reads.claimVerdict(key + "\x00" + files[i].Path + "\x00" + string(files[i].Language))
			if mine {
				func() {
					defer func() { v.answer(hit) }() // a panic still answers the Apps waiting
					reads.searches.Add(1)
					hit = search(i)
				}()
				break
			}
			var ok bool
			if hit, ok = v.ready(); !ok {
				later = append(later, i) // another App is searching it
				waitFor[i] = v
				continue
			}
		}
		if hit || unsealed(i) {
			out = append(out, i)
		}
	}
	for _, i := range later {
		if waitFor[i].wait() || unsealed(i) {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// newCallSearch gathers the names of wants (name → owners) not searched
// for yet (asked, under prefix) and not covered by another search (skip)
// into one search; nil when there is none. ok is false when a name or an
// owner is not ASCII: the byte search cannot fold it, every file must be
// lexed.
func newCallSearch(wants map[string]map[string]bool, skip func(string) bool, prefix string, asked map[string]bool, inClass bool) (s *callSearch, ok bool) {
	for w, owners := range wants {
		if skip(w) {
			continue
		}
		fresh := false
		for o := range owners {
			if !asked[prefix+w+"\x00"+o] {
				asked[prefix+w+"\x00"+o] = true
				fresh = true
			}
		}
		if !fresh {
			continue
		}
		if !isASCII(w) || len(identParts(w)) != 1 {
			return nil, false
		}
		if s == nil {
			s = &callSearch{inClass: inClass}
		}
		s.names = append(s.names, []byte(w))
		for o := range owners {
			if inClass {
				// one class name, as written (C#) and in any case (VB)
				if !isASCII(o) || len(identParts(o)) != 1 {
					return nil, false
				}
				s.exactOwners = append(s.exactOwners, []byte(o))
				s.owners = append(s.owners, []byte(strings.ToLower(o)))
				continue
			}
			if o == "" {
				s.freeFunction = true
			}
			for _, part := range identParts(o) {
				if !isASCII(part) {
					return nil, false
				}
				s.owners = append(s.owners, []byte(part))
			}
		}
	}
	return s, true
}

// searchKey spells one filesWanted search: its words, method names and
// helper calls.
func searchKey(words, methods [][]byte, calls, classCalls *callSearch) string {
	var b strings.Builder
	list := func(tag string, ws [][]byte) {
		sorted := make([]string, len(ws))
		for i, w := range ws {
			sorted[i] = strings.ToLower(string(w))
		}
		sort.Strings(sorted)
		b.WriteString(tag)
		b.WriteString(strings.Join(sorted, ","))
	}
	list("w:", words)
	list("|m:", methods)
	if calls != nil {
		list("|c:", calls.names)
		list("|o:", calls.owners)
		if calls.freeFunction {
			b.WriteString("|free")
		}
	}
	if classCalls != nil {
		list("|cc:", classCalls.names)
		b.WriteString("|co:")
		exact := make([]string, len(classCalls.exactOwners))
		for i, o := range classCalls.exactOwners {
			exact[i] = string(o)
		}
		sort.Strings(exact)
		b.WriteString(strings.Join(exact, ","))
	}
	return b.String()
}

// readsFor is opts.Reads when the scan may use it.
func readsFor(opts Options) *SharedReads {
	if opts.Reads.usableBy(opts) {
		return opts.Reads
	}
	return nil
}

// sharedFor tells the files whose first reading and search answers a scan
// shares with other Apps (none when opts.Reads is unset or unusable).
func sharedFor(opts Options, overlay map[string][]byte) func(SourceFile) bool {
	if !opts.Reads.usableBy(opts) {
		return func(SourceFile) bool { return false }
	}
	return func(f SourceFile) bool {
		_, edited := overlay[f.Path]
		return f.Shared && !edited
	}
}

// methodKey and callKey prefix, in filesWanted's asked set, a name
// searched for as a method definition only, and a helper's name and
// owner searched for as a call.
const (
	methodKey = "method:"
	callKey   = "call:"
	// classCallKey prefixes the names of wantClassCalls.
	classCallKey = "classcall:"
)

// callSearch finds the files that may call one of the helpers whose call
// sites the resolver asked for (callIndex.of), by the rule
// receiverMayBe applies: a call without a receiver; one on this, base,
// Me, MyBase or MyClass; one whose receiver is spelled as the helper's
// class or a base (by name, or as the declared type of a variable, which
// the calling file spells); any spelling of a free function's name (C++
// reaches one through a namespace) or of a JavaScript one. In every case
// the name must be able to open an argument list (mayOpenArguments): the
// C++ storage class "register" calls no Register helper.
type callSearch struct {
	names, owners [][]byte
	freeFunction  bool
	// inClass: the names are callable only in their owners' text
	// (callersInClassText), so a file must spell an owner to call one:
	// as written (exactOwners) in C#, in any case in Visual Basic.
	inClass     bool
	exactOwners [][]byte
	nameWords   *wordFinder
	ownerWords  *wordFinder
}

func (s *callSearch) build() {
	s.nameWords = newWordFinder(s.names)
	s.ownerWords = newWordFinder(s.owners)
}

func (s *callSearch) mayCall(lang Language, src []byte) bool {
	if s.inClass {
		// the owner first: a class name is rarer than a method's
		spelt := lang == VB && s.ownerWords.matchWord(src) || lang != VB && slices.ContainsFunc(s.exactOwners, func(o []byte) bool { return hasWord(src, o) })
		return spelt && s.callsAName(src)
	}
	found, may := false, false
	s.nameWords.each(src, func(start, end int) bool {
		if !mayOpenArguments(src, end) {
			return true // callSites counts a name only before its '('
		}
		found = true
		if lang == JavaScript || s.freeFunction {
			// a free function may be reached through any receiver that
			// is not a class (a namespace, in C++)
			may = true
			return false
		}
		j := skipSpaceBack(src, start)
		switch {
		case j > 0 && src[j-1] == '.':
			j--
		case j > 1 && src[j-2] == '-' && src[j-1] == '>':
			j -= 2
		case j > 1 && src[j-2] == ':' && src[j-1] == ':':
			j -= 2
		default:
			may = true // no receiver
			return false
		}
		j = skipSpaceBack(src, j)
		k := j
		for k > 0 && nameClass[src[k-1]] >= 0 {
			k--
		}
		switch strings.ToLower(string(src[k:j])) {
		case "this", "base", "me", "mybase", "myclass":
			may = true
			return false
		}
		return true
	})
	return may || found && s.ownerWords.matchWord(src)
}

// hasWord reports whether src holds w, exactly, as a whole identifier
// (a non-ASCII byte ends one, as for the other searches: it can only add
// matches).
func hasWord(src, w []byte) bool {
	for i := 0; ; {
		k := bytes.Index(src[i:], w)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(w)
		if (start == 0 || nameClass[src[start-1]] < 0) && (end == len(src) || nameClass[src[end]] < 0) {
			return true
		}
		i = start + 1
	}
}

// callsAName reports whether one of the names may be followed by '(' in
// src, through any receiver.
func (s *callSearch) callsAName(src []byte) bool {
	found := false
	s.nameWords.each(src, func(_, end int) bool {
		found = mayOpenArguments(src, end)
		return !found
	})
	return found
}

// mayOpenArguments reports whether the identifier that ends at src[end]
// may be followed by a '(' token. Between the two there can be only white
// space, comments and line continuations, so the next byte that is not
// ASCII white space must be '(' or may begin one of those (a '/' comment,
// a VB "'" comment or '_' continuation, a C++ '\' splice or directive, a
// non-ASCII space).
func mayOpenArguments(src []byte, end int) bool {
	for ; end < len(src); end++ {
		switch c := src[end]; c {
		case ' ', '\t', '\r', '\n', '\f', '\v':
			continue
		case '(', '/', '\'', '_', '\\', '#':
			return true
		default:
			return c >= utf8.RuneSelf
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// mayDefineMethod reports whether src may define a method named by one of
// defs' words: it spells one as a whole word somewhere other than after a
// member access on a value ("= DependencyProperty.Register(",
// "ptr->Register("). A qualified name after a type ("void
// IRegistrar.Register(", "bool Helpers::Register(") may be a definition,
// and JavaScript assigns methods through member access
// ("Tasks.register = function"), so there every spelling counts.
func mayDefineMethod(lang Language, src []byte, defs *wordFinder) bool {
	found := false
	defs.each(src, func(start, _ int) bool {
		found = lang == JavaScript || !calledOnValue(src, start)
		return !found
	})
	return found
}

// calledOnValue reports whether the name at src[start:] follows a member
// access ('.', "->" or "::") whose qualifier chain is itself preceded by
// something that cannot end a type: an operator, a bracket, a separator
// or the start of the text. A type name or a keyword before the chain
// ("void A::Register", "return x.Register") leaves it undecided: false.
func calledOnValue(src []byte, start int) bool {
	j := skipSpaceBack(src, start)
	switch {
	case j > 0 && src[j-1] == '.':
		j--
	case j > 1 && (src[j-2] == '-' && src[j-1] == '>' || src[j-2] == ':' && src[j-1] == ':'):
		j -= 2
	default:
		return false
	}
	// the qualifier chain: identifiers joined by '.', "->" or "::"
	for {
		j = skipSpaceBack(src, j)
		k := j
		for k > 0 && nameClass[src[k-1]] >= 0 {
			k--
		}
		if k == j {
			return false // "f().Register", "a[0].Register", "IFoo<T>.Register": undecided
		}
		j = skipSpaceBack(src, k)
		switch {
		case j > 0 && src[j-1] == '.':
			j--
			continue
		case j > 1 && (src[j-2] == '-' && src[j-1] == '>' || src[j-2] == ':' && src[j-1] == ':'):
			j -= 2
			continue
		}
		if j == 0 {
			return true
		}
		switch src[j-1] {
		case '=', '(', ',', ';', '{', '}', '!', '|', '?', '+', '-', '/', '%', '^', '~', '[':
			// not '*' or '&': "Foo* Bar::Register(" defines one
			return true
		}
		return false
	}
}

func skipSpaceBack(src []byte, j int) int {
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '\n' || src[j-1] == '\r') {
		j--
	}
	return j
}

// unsealedCandidate is mayDeclareUnsealedClass for the languages BG201
// looks at; other files of a component declare nothing it reports.
func unsealedCandidate(lang Language, src []byte) bool {
	return (lang == CSharp || lang == VB) && mayDeclareUnsealedClass(lang, src)
}

// lastIdent is the identifier every spelling of a looked-up name holds:
// the last part of a qualified name, before any type arguments
// ("task2" for "contoso.tasks.task2", "t" for "ns.t<x>"). A file that
// spells only "Contoso" neither defines nor mentions Contoso.Tasks.Task2,
// and in a workspace whose files all open with that namespace the parts
// searched one by one lexed every file.
//
// A path (a JavaScript task's script, "js\\synctask.js") is spelled, in
// any mention, with its file name: its stem is the word ("synctask", not
// "js").
func lastIdent(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
		if k := strings.LastIndexByte(name, '.'); k > 0 {
			name = name[:k]
		}
	}
	if i := strings.IndexByte(name, '<'); i >= 0 {
		name = name[:i]
	}
	parts := identParts(name)
	if len(parts) == 0 {
		return ""
	}
	return parts[len(parts)-1]
}

// identParts splits a looked-up name ("A::B", "Ns.T<X>") into its
// identifiers.
func identParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '_' || r >= utf8.RuneSelf || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// relevantSource is, with interesting (files that may register, request
// access, look up registrations or declare a task class), the byte test
// that decides which files are lexed before resolution asks for anything:
// every IDL file, and those whose bytes the later whole-word search could
// misread (UTF-16, and the two runes that case-fold to an ASCII letter).
func relevantSource(lang Language, src []byte) bool {
	if lang == IDL {
		return true
	}
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return true
	}
	return bytes.Contains(src, []byte("\u212a")) || bytes.Contains(src, []byte("\u0130")) || hidesIdentifier(lang, src)
}

// hidesIdentifier reports a backslash that may hide an identifier from the
// whole-word search: a \u or \U escape (identifiers may be spelled with
// them in C#, C++ and JavaScript; most are in strings, which costs only a
// lexed file), or a C++ backslash-newline between two identifier bytes.
func hidesIdentifier(lang Language, src []byte) bool {
	if lang == VB {
		return false
	}
	for i := bytes.IndexByte(src, '\\'); i >= 0 && i+1 < len(src); {
		switch next := src[i+1]; {
		case next == 'u' || next == 'U':
			if escapeMayHideWord(src[i+2:], next == 'U') {
				return true
			}
		case lang == CPP && i > 0 && nameClass[src[i-1]] >= 0:
			j := i + 1
			if src[j] == '\r' && j+1 < len(src) && src[j+1] == '\n' {
				j++
			}
			if (src[j] == '\n' || src[j] == '\r') && j+1 < len(src) && nameClass[src[j+1]] >= 0 {
				return true
			}
		}
		k := bytes.IndexByte(src[i+1:], '\\')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// escapeMayHideWord reads the hex digits after a \u (four, or
// JavaScript's \u{...}) or a \U (eight) and reports whether the escape may spell a
// letter of an ASCII word: an ASCII letter, digit or underscore, or one of
// the two runes that case-fold to an ASCII letter. Every word the scan
// looks for is ASCII (a non-ASCII name wanted later lexes every pending
// file), so the escapes that fill strings ("\u2026", "\U0001F600") hide
// none of them. Digits that cannot be read are taken to hide one.
func escapeMayHideWord(rest []byte, long bool) bool {
	v, n, max := 0, 0, 4
	if long {
		max = 8
	}
	braced := !long && len(rest) > 0 && rest[0] == '{'
	if braced {
		rest, max = rest[1:], 8
	}
	for _, c := range rest {
		d := hexVal(c)
		if d < 0 || n == max {
			break
		}
		v = v<<4 | d
		n++
	}
	if n == 0 || !braced && n < max || braced && (n == len(rest) || rest[n] != '}') {
		return true
	}
	if v < utf8.RuneSelf {
		return nameClass[v] >= 0
	}
	return v == 0x212a || v == 0x130
}

// ParseHook, when set, is called with each file's path just before it is
// parsed. Tests set it to make the scanner fail on purpose: a panic there
// must become an internal-error Note naming the file. Set it only while no
// Scan runs.
var ParseHook func(path string)

// mark says whether a file read holds Options.Marker.
type mark int8

const (
	unread mark = iota
	unmarked
	marked
)

// markOf looks for the marker in a file's bytes; a UTF-16 file counts as
// marked since its two-byte text hides an ASCII marker from the search.
func markOf(src, marker []byte) mark {
	if marker == nil {
		return unread
	}
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) || bytes.Contains(src, marker) {
		return marked
	}
	return unmarked
}

// readSource reads one file (or its overlay), turning every failure into
// a Note; ok is false when there is nothing to lex.
func readSource(ar *fileread.Arena, sf SourceFile, overlay map[string][]byte, marker []byte) (_ SourceFile, src []byte, notes []Note, mk mark, ok bool) {
	at := Pos{File: sf.Path}
	defer func() {
		if r := recover(); r != nil {
			ok = false
			notes = append(notes, Note{Pos: at, Message: fmt.Sprintf("internal error scanning %s: %v", sf.Path, r), Internal: true})
		}
	}()
	if sf.Language == "" {
		lang, known := LanguageOf(sf.Path)
		if !known {
			return sf, nil, []Note{{Pos: at, Message: "not a source file the scanner reads: " + sf.Path}}, unread, false
		}
		sf.Language = lang
	}
	src, inOverlay := overlay[sf.Path]
	if !inOverlay {
		var size int64
		var err error
		src, size, err = fileread.LimitedIn(ar, sf.Path, MaxFileSize)
		if err != nil {
			// a file that vanished since discovery is gone; one that is
			// there and cannot be read hides what it defines
			gone := errors.Is(err, fs.ErrNotExist)
			if st, serr := os.Stat(sf.Path); serr == nil && st.IsDir() {
				gone = true // replaced by a directory: no source any more
			}
			return sf, nil, []Note{{Pos: at, Message: fmt.Sprintf("cannot read source file: %v", err), Unreadable: !gone}}, unread, false
		}
		if size > MaxFileSize {
			return sf, nil, []Note{{Pos: at, Message: fmt.Sprintf("skipped %s: %d bytes is over the %d-byte limit for source files", sf.Path, size, MaxFileSize)}}, unread, false
		}
	}
	if len(src) > MaxFileSize {
		return sf, nil, []Note{{Pos: at, Message: fmt.Sprintf("skipped %s: %d bytes is over the %d-byte limit for source files", sf.Path, len(src), MaxFileSize)}}, unread, false
	}
	if src == nil {
		src = []byte{} // nil marks "not pending"
	}
	return sf, src, nil, markOf(src, marker), true
}

// readFirst reads one file and runs the prefilter on it.
func readFirst(ar *fileread.Arena, sf SourceFile, overlay map[string][]byte, marker []byte) firstRead {
	sf, src, ns, mk, ok := readSource(ar, sf, overlay, marker)
	r := firstRead{lang: sf.Language, src: src, notes: ns, mk: mk, ok: ok}
	if ok {
		r.in = interesting(src)
		r.lex = r.in || relevantSource(sf.Language, src)
	}
	return r
}

// readFirstShared is readFirst for a file other Apps list too: read into
// the run's arena (c's), not the scan's, whose bytes the next scan
// reuses, and published to c for them (even when reading panics: they
// wait for it).
func readFirstShared(e *sharedRead, c *SharedReads, sf SourceFile, marker []byte) (r firstRead) {
	defer func() {
		if p := recover(); p != nil {
			r = firstRead{lang: sf.Language, notes: []Note{{Pos: Pos{File: sf.Path}, Message: fmt.Sprintf("internal error scanning %s: %v", sf.Path, p), Internal: true}}}
		}
		c.publish(e, r)
	}()
	c.reads.Add(1)
	return readFirst(c.arenaFor(), sf, nil, marker)
}

// lexFile lexes and parses one file read, turning a panic into a Note;
// isInteresting is interesting(src), which the caller has already run.
func lexFile(sf SourceFile, src []byte, isInteresting bool, cache *LexCache) (fm *fileModel, notes []Note) {
	defer func() {
		if r := recover(); r != nil {
			fm = nil
			notes = append(notes, Note{Pos: Pos{File: sf.Path}, Message: fmt.Sprintf("internal error scanning %s: %v", sf.Path, r), Internal: true})
		}
	}()
	if ParseHook != nil {
		ParseHook(sf.Path)
	}
	fm, problems := parseSourceCached(sf, src, isInteresting, cache)
	for _, p := range problems {
		p.Pos.File = sf.Path
		notes = append(notes, p)
	}
	return fm, notes
}

// prefilterWords mark files that may register tasks, request access, look
// up registrations or declare task classes (compared lower case). Not
// "trigger": a builder is always spelled beside its SetTrigger, and a
// trigger kept in a variable or field elsewhere is found by its name,
// which the resolver asks for; the word only lexed every JavaScript
// library that fires DOM events (a third of the bytes of
// Windows-universal-samples' lexed files). Not "alltask" either: every
// spelling of BackgroundTaskRegistration.AllTasks holds "backgroundtask",
// and the substring lexed every C++ file with a WhenAllTask or CallTask
// (half the CPU of react-native-windows).
var prefilterWords = [][]byte{
	[]byte("backgroundtask"), []byte("taskentrypoint"), []byte("gettaskgroup"),
	[]byte("requestaccess"), []byte("runtimeclass"), []byte("backgroundactivated"),
	// the COM side of out-of-process tasks, toast activators, startup tasks
	[]byte("coregisterclassobject"), []byte("registertypeforcomclients"), []byte("register_com_server"),
	[]byte("registerobjects"), []byte("notificationactivat"), []byte("startuptask"),
}

func interesting(src []byte) bool {
	if bytes.Contains(src, []byte("\u212a")) || bytes.Contains(src, []byte("\u0130")) {
		// the two runes whose lower case is an ASCII letter (Kelvin sign,
		// dotted capital I) count as letters of the words: fold them
		return interestingFolded(src)
	}
	return prefilter.match(src)
}

var prefilter = mustSkipSearch(prefilterWords)

// interestingFolded is the prefilter on a full Unicode lower-casing.
func interestingFolded(src []byte) bool {
	low := bytes.ToLower(src)
	for _, w := range prefilterWords {
		if bytes.Contains(low, w) {
			return true
		}
	}
	return false
}

// parseSource lexes and parses one file's bytes; isInteresting is
// interesting(src) (a leading BOM and lone CRs cannot change it).
func parseSource(sf SourceFile, src []byte, isInteresting bool) (*fileModel, []Note) {
	return parseSourceCached(sf, src, isInteresting, nil)
}

// parseSourceCached is parseSource with the tokens taken from cache when
// another App of the run lexed the same bytes.
func parseSourceCached(sf SourceFile, src []byte, isInteresting bool, cache *LexCache) (*fileModel, []Note) {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		src = src[3:]
	}
	src = loneCRToLF(src)
	f := &fileModel{sf: sf, lang: sf.Language, interesting: isInteresting}
	var lex func([]byte) *Lexed
	switch sf.Language {
	case CSharp:
		lex = LexCSharp
	case CPP:
		lex = LexCPP
	case IDL:
		lex = LexIDL
	case JavaScript:
		lex = LexJS
	case VB:
		lex = LexVB
	default:
		return nil, []Note{{Message: "unknown language " + string(sf.Language)}}
	}
	lx := cache.lex(sf, src, lex)
	f.toks, f.defines = lx.Tokens, lx.Defines
	if sf.Language == VB {
		parseVB(f)
	} else {
		parseC(f)
	}
	return f, lx.Problems
}

// loneCRToLF turns each CR not followed by LF (classic Mac line ends) into
// an LF: the lexers end lines and line comments at LF only, and a
// same-length swap keeps every byte offset. src is copied, never changed in
// place (it may be an editor's buffer).
func loneCRToLF(src []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 >= len(src) || src[i+1] != '\n' {
			if out == nil {
				out = append([]byte(nil), src...)
			}
			out[i] = '\n'
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if out == nil {
		return src
	}
	return out
}

// resolve turns parsed files into facts.
func resolve(files []*fileModel, facts *Facts, entryPoints, mentions []string) *appIndex {
	ix := newIndex(files)
	regs := registrations(ix)
	linkReturnedBuilders(ix, regs)
	facts.Registrations = append(facts.Registrations, regs...)
	facts.Mentioned = mentioned(ix, mentions, regs)
	var unregs []compared
	facts.LookUps, unregs = lookUps(ix)
	markLookUpGuards(ix, facts.Registrations, unregs)
	markReplacements(ix, facts.Registrations)
	for _, f := range files {
		if f.interesting {
			tokenFacts(f, facts)
		}
	}
	comFacts(ix, facts)
	if tc := taskClasses(ix, regs, entryPoints); tc != nil {
		facts.TaskClasses = tc
	}
	facts.InProcessHandlers = inProcessHandlers(ix)
	return ix
}

// registrations extracts every registration: straight-line builders
// once, helper functions once per call chain.
func registrations(ix *appIndex) []Registration {
	var out []Registration
	helpers := map[*methodDecl]bool{}
	// builders kept in fields of a class with methods in interesting files
	classFields := map[*classDecl]map[string]bool{}
	for _, f := range ix.files {
		for _, cl := range f.classes {
			if !anyInteresting(cl.methods) {
				continue
			}
			if fields := builderFields(cl); fields != nil {
				classFields[cl] = fields
				out = append(out, fieldRegistrations(ix, cl, fields)...)
			}
		}
	}
	for _, f := range ix.files {
		if !f.interesting {
			continue
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m == nil {
				continue
			}
			used := false
			c := ctxFor(ix, f, m, nil)
			c.usedParam = &used
			if m.class != nil {
				c.fields = classFields[m.class]
			}
			regs := extractMethod(c)
			if len(regs) == 0 {
				continue
			}
			if used && m.name != "" {
				helpers[m] = true
				continue
			}
			if unreachedMethod(ix, m) {
				for i := range regs {
					regs[i].Unreached = true
				}
				ix.markDead(m)
			}
			out = append(out, regs...)
		}
	}
	if len(helpers) == 0 {
		return out
	}
	calls := &callIndex{ix: ix, byName: map[string][]callSite{}}
	for h := range helpers {
		chains := chainsOf(ix, calls, h, 0, map[*methodDecl]bool{h: true})
		// A helper nobody calls registers nothing: it is not an
		// unresolved registration (which would hide every "declared but
		// never registered" finding of the App).

		for _, ch := range chains {
			regs := extractMethod(ctxFor(ix, h.file, h, ch.env))
			// a chain that starts in a method nothing calls never runs
			dead := ch.from != nil && unreachedMethod(ix, ch.from)
			for i := range regs {
				regs[i].Pos = ch.via[0]
				regs[i].Via = append([]Pos{}, ch.via...)
				regs[i].Unreached = regs[i].Unreached || dead
			}
			if dead {
				ix.markDead(ch.from)
			}
			out = append(out, regs...)
		}
	}
	return out
}

func anyInteresting(ms []*methodDecl) bool {
	for _, m := range ms {
		if m.file.interesting {
			return true
		}
	}
	return false
}

// callSite is one call of a named function.
type callSite struct {
	m    *methodDecl // the calling method (or a file's top-level code)
	at   Token
	args [][]Token
	// typeArgs are the type arguments of a C# generic call
	// (Register<Tasks.SyncTask>(…)), one token list each.
	typeArgs [][]Token
	// viaMember is true for obj.Name(...) (but not this.Name(...)).
	viaMember bool
	// viaThis is true for this.Name(...) and Me.Name(...).
	viaThis bool
	// recv is the receiver of a member call, outermost first (["Ns",
	// "Helper"] for Ns.Helper.Name(...)); nil when the receiver is not a
	// plain name (f().Name(...), a[i].Name(...)).
	recv []string
}

// callIndex finds call sites by name on demand (one pass over the App per
// name asked for: only helpers and their callers are ever asked).
type callIndex struct {
	ix     *appIndex
	byName map[string][]callSite
}

func (ci *callIndex) of(h *methodDecl) []callSite {
	name := h.name
	key := strings.ToLower(name)
	switch {
	case name == "" || callersInOwnFile(h):
	case callersInClassText(h):
		// the class's name as written (C# names are case-sensitive);
		// no bases: a derived class cannot call a private method
		wantOwner(ci.ix.wantClassCalls, key, h.class.name)
	default:
		owner, bases := helperOwner(h)
		wantOwner(ci.ix.wantCalls, key, strings.ToLower(owner))
		for _, b := range bases {
			wantOwner(ci.ix.wantCalls, key, strings.ToLower(lastPart(strings.ReplaceAll(b, "::", "."))))
		}
	}
	if cs, ok := ci.byName[key]; ok {
		return cs
	}
	cs := callSites(ci.ix, key)[key]
	ci.byName[key] = cs
	return cs
}

// wantOwner records owner as a receiver through which name's calls are
// looked for.
func wantOwner(wants map[string]map[string]bool, name, owner string) {
	owners := wants[name]
	if owners == nil {
		owners = map[string]bool{}
		wants[name] = owners
	}
	owners[owner] = true
}

// callersInOwnFile reports a helper whose callers can only be in its own
// file, which is lexed: a private method of a C# class declared once (a
// class that is not partial has all its text in one file, and a private
// member is reachable only from its class's text). Other files are not
// searched for its calls. Visual Basic is left out: there one part of a
// partial class may omit the keyword.
func callersInOwnFile(h *methodDecl) bool {
	return h.file != nil && h.file.lang == CSharp && h.class != nil && !h.class.partial && privateOnly(h)
}

// privateOnly reports a method declared private and not "private
// protected" (which derived classes of the assembly reach too).
func privateOnly(h *methodDecl) bool {
	private, protected := false, false
	for _, m := range h.mods {
		private = private || strings.EqualFold(m, "private")
		protected = protected || strings.EqualFold(m, "protected")
	}
	return private && !protected
}

// callersInClassText reports a helper whose callers can only be in the
// text of its own class: a private method of a C# or Visual Basic class
// (all of its parts, when it is partial). Every part of a class spells
// the class's name ("partial class Toast", VB's "Class Toast"), so a
// file that does not holds none of its callers, whatever calls of the
// same name it makes (DependencyProperty.Register, an interface's own
// Register).
func callersInClassText(h *methodDecl) bool {
	return h.file != nil && (h.file.lang == CSharp || h.file.lang == VB) && h.class != nil && !h.class.isInterface && h.class.name != "" && privateOnly(h)
}

// callSites lists the calls "Name(args)" of one lower-case name.
func callSites(ix *appIndex, name string) map[string][]callSite {
	out := map[string][]callSite{}
	for _, f := range ix.files {
		// a method's own name in its header is not a call
		defs := map[int]bool{}
		for _, m := range f.methods {
			defs[m.pos.Line<<20|m.pos.Col] = true
		}
		for _, m := range append(append([]*methodDecl{}, f.methods...), f.top) {
			if m == nil {
				continue
			}
			toks := m.body()
			var match []int32
			for i := 0; i+1 < len(toks); i++ {
				t := toks[i]
				if t.Kind != TokIdent || !strings.EqualFold(t.Text, name) {
					continue
				}
				open := i + 1 // the argument list's "("
				var typeArgs [][]Token
				if f.lang == CSharp && isPunct(toks[i+1], "<") {
					close := typeArgsEnd(toks, i+1)
					if close < 0 {
						continue
					}
					typeArgs = splitTop(toks[i+2:close], ",")
					open = close + 1
				}
				if open >= len(toks) || !isPunct(toks[open], "(") {
					continue
				}
				if defs[int(t.Line)<<20|int(t.Col)] {
					continue
				}
				if m == f.top && i > 0 && declarationBefore(toks[i-1]) {
					continue // "Type Name(" outside a body declares, it does not call
				}
				if i > 0 && (isIdent(toks[i-1], "function") || isIdentFold(toks[i-1], "Sub") || isIdentFold(toks[i-1], "Function") || isIdent(toks[i-1], "new") || isIdentFold(toks[i-1], "New")) {
					continue
				}
				if match == nil {
					match = matchTable(toks)
				}
				end := int(match[open])
				if end-i > maxCallSpan {
					continue // not a call anyone writes by hand
				}
				var args [][]Token
				if inner := toks[open+1 : min(end, len(toks))]; len(inner) > 0 {
					for _, a := range splitTop(inner, ",") {
						args = append(args, trimNewlines(a))
					}
				}
				member := i >= 2 && isAccess(toks[i-1]) && !isIdent(toks[i-2], "this") && !isIdentFold(toks[i-2], "Me")
				viaThis := i >= 2 && isAccess(toks[i-1]) && !member
				var recv []string
				if member {
					recv = receiverName(toks, i-1)
				}
				key := strings.ToLower(t.Text)
				out[key] = append(out[key], callSite{m: m, at: t, args: args, typeArgs: typeArgs, viaMember: member, viaThis: viaThis, recv: recv})
			}
		}
	}
	return out
}

type chain struct {
	via []Pos
	env *env
	// from is the method of the outermost call (via[0]).
	from *methodDecl
}

const maxChains = 64

// chainsOf lists the ways helper h is reached: each call site, bound to
// its arguments; when the caller forwards its own parameters, the
// caller's call sites are followed too (outermost first in via).
func chainsOf(ix *appIndex, calls *callIndex, h *methodDecl, depth int, visiting map[*methodDecl]bool) []chain {
	var out []chain
	for _, cs := range calls.of(h) {
		if cs.m == h || !arityFits(h, cs.args) || ix.losesOverload(cs, h) {
			continue
		}
		if cs.m.file.lang != h.file.lang && !(cs.m.file.lang == CPP && h.file.lang == CPP) {
			continue
		}
		if h.file.lang != VB && cs.at.Text != h.name {
			continue
		}
		if h.file.lang == JavaScript && cs.viaMember && !h.member {
			continue // obj.name(...) is not a call of "function name"
		}
		if h.file.lang == JavaScript && h.member && !cs.viaMember && !cs.viaThis {
			continue // a bare name(...) does not call a method of an object
		}
		if h.file.lang == JavaScript && h.member && h.qual != "" && cs.viaMember && !fileSpells(cs.m.file, h.qual) {
			// obj.register(...) in a file that never names the helper's
			// object is some other object's method: a bundled library's
			// Transport.register (audit 30: modern-gitter's angular.js
			// and faye called TaskService.prototype.register)
			continue
		}
		if cs.viaMember && h.file.lang != JavaScript && !ix.receiverMayBe(cs, h) {
			continue // DependencyProperty.Register(...) is not a call of our Register
		}
		if !cs.viaMember && ix.hiddenByOwnMember(cs, h) {
			continue // this->Schedule() in a class with its own Schedule()
		}
		here := cs.m.file.pos(cs.at)
		var outer []chain
		if forwardsParams(cs) && depth < 4 && !visiting[cs.m] && cs.m.name != "" {
			visiting[cs.m] = true
			outer = chainsOf(ix, calls, cs.m, depth+1, visiting)
			delete(visiting, cs.m)
			if len(outer) == 0 && isOverload(cs.m, h) {
				// An overload that only forwards to the helper
				// (Register(Type t, …) => Register(t.Name,
				// t.FullName, …)) and that no code of the App calls
				// registers nothing for the App, as the helper itself
				// would not. A caller of another name stays: an
				// event handler or override that forwards its
				// arguments is called by the framework, not by code.
				continue
			}
		}
		if len(outer) == 0 {
			outer = []chain{{}}
		}
		for _, oc := range outer {
			callerCtx := ctxFor(ix, cs.m.file, cs.m, oc.env)
			from := oc.from
			if from == nil {
				from = cs.m
			}
			e := bindArgs(h, cs.args, callerCtx)
			bindTypeArgs(e, h, cs.typeArgs, callerCtx)
			out = append(out, chain{via: append(append([]Pos{}, oc.via...), here), env: e, from: from})
			if len(out) >= maxChains {
				return out
			}
		}
	}
	return out
}

// fileSpells reports whether f holds the identifier name (as written) or a
// string equal to it.
func fileSpells(f *fileModel, name string) bool {
	for _, t := range f.toks {
		if t.Kind == TokIdent && t.Text == name || t.Kind == TokString && t.Value == name {
			return true
		}
	}
	return false
}

// isOverload reports whether m is another overload of h: a C#, VB or C++
// method of the same name in the same class.
func isOverload(m, h *methodDecl) bool {
	if m == h || m.file.lang == JavaScript || h.file.lang == JavaScript {
		return false
	}
	own := ownerFull(h)
	fold := h.file.lang == VB
	return own != "" && equalName(m.name, h.name, fold) && equalName(ownerFull(m), own, fold)
}

func arityFits(h *methodDecl, args [][]Token) bool {
	if h.file.lang == JavaScript {
		return true
	}
	if h.file.lang == CPP {
		// default arguments live on the declaration in the header, which
		// is not the definition we parsed: cppRequired counts only the
		// parameters that no declaration seen gives a default
		return len(args) <= len(h.params) && len(args) >= cppRequired(h)
	}
	required, variadic := 0, false
	for _, p := range h.params {
		switch {
		case p.variadic:
			variadic = true
		case p.def == nil:
			required++
		}
	}
	return (len(args) <= len(h.params) || variadic) && len(args) >= required
}

// cppRequired is the number of arguments a call of the C++ function h
// must pass, as far as the declarations the scanner saw tell; 0 when
// they do not tell.
//
// A default argument may be written on any declaration of a function:
// the definition, or a declaration in a header that the definition in the
// .cpp does not repeat. Which declarations exist is known only for a
// member function: a definition in its class body is the only
// declaration there is, and an out-of-class definition (void
// C::Run(...) { … }) was declared in the body of class C, which the
// scanner has read when it could attach the definition to C. There a
// parameter that neither the definition nor any declaration in the body
// of the same arity gives a default must be passed. A free function
// (or a definition whose class was not read) may have a declaration in a
// header the scanner did not read, with defaults for any parameter.
func cppRequired(h *methodDecl) int {
	if h.class == nil || len(h.params) == 0 {
		return 0
	}
	if len(h.params) == 1 && h.params[0].name == "void" && h.params[0].typ == "" {
		return 0 // f(void) takes no argument
	}
	required := func(defaulted func(i int) bool) int {
		n := 0
		for i, p := range h.params {
			if strings.Contains(p.typ, "...") {
				return 0 // a parameter pack takes any number
			}
			if !defaulted(i) {
				n = i + 1 // defaults are trailing: the last parameter without one
			}
		}
		return n
	}
	if !h.attached {
		// defined in the class body: its only declaration
		return required(func(i int) bool { return h.params[i].def != nil })
	}
	least := -1
	for _, p := range h.class.protos {
		if p.name != h.name || len(p.params) != len(h.params) {
			continue
		}
		n := required(func(i int) bool { return h.params[i].def != nil || p.params[i].def != nil })
		if least < 0 || n < least {
			least = n
		}
	}
	if least < 0 {
		return 0 // no declaration of that arity read (a macro, a parse miss)
	}
	return least
}

// hiddenByOwnMember reports a call without a receiver, or on this/Me,
// inside a member of class C, that cannot reach the helper h of another
// class (or a free function) because C has a method of that name itself
// that the call fits. Name look-up starts in C: in C++ a member named X
// hides every X of the bases, of enclosing scopes and of namespaces,
// whatever their parameters; in C# and VB the candidates of the most
// derived class that fit the arguments are taken before any base's, and a
// member before a static imported with using static or a module's. So
// this->RegisterTask() in MainPage, which has its own RegisterTask(),
// never calls TaskHelper::RegisterTask(entryPoint, name, trigger).
//
// The class is compared by full name (every part of a partial class, a
// C++ out-of-class definition attached to its class, or the qualifier and
// namespace of one that was not); a caller outside any class, a
// JavaScript function, or a class without such a method, decides nothing.
func (ix *appIndex) hiddenByOwnMember(cs callSite, h *methodDecl) bool {
	caller := cs.m
	lang := caller.file.lang
	if lang == JavaScript || h.file.lang == JavaScript {
		return false
	}
	own := ownerFull(caller)
	if own == "" {
		return false
	}
	fold := lang == VB
	if equalName(ownerFull(h), own, fold) {
		return false // h is C's own method (an overload of it)
	}
	for _, m := range ix.methodsNamed(h.name, fold) {
		if m == h || m.file.lang != lang && !(m.file.lang == CPP && lang == CPP) {
			continue
		}
		if equalName(ownerFull(m), own, fold) && arityFits(m, cs.args) {
			return true
		}
	}
	return false
}

// ownerFull is the full name of the class m belongs to: its class's, or
// for a C++ out-of-class definition not attached to one, its qualifier in
// its namespace; "" for a free function or top-level code.
func ownerFull(m *methodDecl) string {
	if m.class != nil {
		return m.class.full
	}
	if m.qual != "" && m.file.lang == CPP {
		return joinNS(cppNamespace(m.ns), m.qual)
	}
	return ""
}

// forwardsParams reports whether a call's arguments mention parameters
// of the calling method.
func forwardsParams(cs callSite) bool {
	fold := cs.m.file.lang == VB
	for _, a := range cs.args {
		for k, t := range a {
			if t.Kind == TokIdent && (k == 0 || !isAccess(a[k-1])) && cs.m.paramIndex(t.Text, fold) >= 0 {
				return true
			}
		}
	}
	return false
}

// typeArgsEnd returns the index of the ">" closing the type argument list
// that opens at toks[open] ("<"), -1 when the tokens are not a list of
// type names (a comparison: a < b).
func typeArgsEnd(toks []Token, open int) int {
	depth := 0
	for k := open; k < len(toks) && k < open+64; k++ {
		t := toks[k]
		switch {
		case isPunct(t, "<"):
			depth++
		case isPunct(t, ">"):
			depth--
			if depth == 0 {
				return k
			}
		case isPunct(t, ">>"):
			depth -= 2
			if depth <= 0 {
				return -1 // List<List<T>>: not worth splitting the token
			}
		case t.Kind == TokIdent, isPunct(t, "."), isPunct(t, ","), isPunct(t, "?"), isPunct(t, "["), isPunct(t, "]"), isPunct(t, "::"):
		default:
			return -1
		}
	}
	return -1
}

// bindTypeArgs binds a generic call's type arguments to h's type
// parameters, positionally; a call that gives none (inferred) binds
// nothing.
func bindTypeArgs(e *env, h *methodDecl, typeArgs [][]Token, caller *ectx) {
	if len(typeArgs) != len(h.typeParams) || len(typeArgs) == 0 {
		return
	}
	if e.types == nil {
		e.types = map[string]binding{}
	}
	for k, p := range h.typeParams {
		e.types[p] = binding{toks: typeArgs[k], ctx: caller}
	}
}

// bindArgs binds a call's positional and named arguments to h's
// parameters; parameters left out take their default value.
func bindArgs(h *methodDecl, args [][]Token, caller *ectx) *env {
	e := &env{params: map[string]binding{}}
	fold := h.file.lang == VB
	key := func(s string) string {
		if fold {
			return strings.ToLower(s)
		}
		return s
	}
	pos := 0
	for _, a := range args {
		if len(a) >= 2 && a[0].Kind == TokIdent && (isPunct(a[1], ":") || isPunct(a[1], ":=")) {
			if idx := h.paramIndex(a[0].Text, fold); idx >= 0 {
				e.params[key(h.params[idx].name)] = binding{toks: a[2:], ctx: caller}
			}
			continue
		}
		if pos < len(h.params) {
			e.params[key(h.params[pos].name)] = binding{toks: a, ctx: caller}
		}
		pos++
	}
	for _, p := range h.params {
		if _, ok := e.params[key(p.name)]; !ok && p.def != nil {
			e.params[key(p.name)] = binding{toks: p.def, ctx: ctxFor(caller.ix, h.file, h, nil)}
		}
	}
	return e
}

// tokenFacts finds access requests, existing-registration look-ups and
// in-process activation handlers.
func tokenFacts(f *fileModel, facts *Facts) {
	toks := f.toks
	managers := managerAliases(f)
	for i, t := range toks {
		// every name below is 8 bytes or more, lower-cased too (a rune
		// that lower-cases to an ASCII letter is longer than it): a
		// shorter identifier is not lower-cased, which was an allocation
		// per token
		if t.Kind != TokIdent || len(t.Text) < len("alltasks") {
			continue
		}
		low := tokenFactName(t.Text)
		if !facts.HandlerMentioned && len(t.Text) >= len("backgroundactivated") && containsFoldName(t.Text, low, "backgroundactivated") {
			facts.HandlerMentioned = true
		}
		switch low {
		case "requestaccessasync", "requestaccesskindasync":
			if i >= 2 && isAccess(toks[i-1]) && (isIdentFold(toks[i-2], "BackgroundExecutionManager") || managers[toks[i-2].Text]) {
				if resultDiscarded(f.lang, toks, i) {
					facts.DiscardedAccessRequests = append(facts.DiscardedAccessRequests, f.pos(t))
				} else {
					facts.AccessRequests = append(facts.AccessRequests, f.pos(t))
				}
			}
		case "alltasks", "alltaskgroups", "gettaskgroup":
			if i >= 1 && isAccess(toks[i-1]) {
				facts.ExistingChecks = append(facts.ExistingChecks, f.pos(t))
			}
		case "onbackgroundactivated":
			if f.lang == JavaScript && i+1 < len(toks) && isPunct(toks[i+1], "=") {
				facts.BackgroundActivated = append(facts.BackgroundActivated, f.pos(t))
			}
		}
		if f.lang == JavaScript && isIdent(t, "addEventListener") && i+2 < len(toks) && isPunct(toks[i+1], "(") && toks[i+2].Kind == TokString && toks[i+2].Value == "backgroundactivated" {
			facts.HandlerMentioned = true
			facts.BackgroundActivated = append(facts.BackgroundActivated, f.pos(toks[i+2]))
		}
	}
	for _, m := range f.methods {
		if strings.EqualFold(m.name, "OnBackgroundActivated") && f.lang != JavaScript {
			facts.BackgroundActivated = append(facts.BackgroundActivated, m.pos)
		}
	}
}

// tokenFactName is name lower-cased when it may be one of the names
// tokenFacts switches on, else "": an ASCII name of another length cannot
// be, and lower-casing every identifier was an allocation per token. A
// name that is not ASCII is always lower-cased (its length changes).
func tokenFactName(name string) string {
	if isASCII(name) {
		switch len(name) {
		case len("alltasks"), len("gettaskgroup"), len("alltaskgroups"), len("requestaccessasync"),
			len("onbackgroundactivated"), len("requestaccesskindasync"):
		default:
			return ""
		}
	}
	return strings.ToLower(name)
}

// containsFoldName reports whether name holds the lower-case ASCII word
// in any case; low is name lower-cased, or "" for an ASCII name
// tokenFactName did not lower-case.
func containsFoldName(name, low, word string) bool {
	if low != "" {
		return strings.Contains(low, word)
	}
	return indexFoldASCII([]byte(name), []byte(word)) >= 0
}

func posLess(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

func sortPos(ps []Pos) []Pos {
	sort.SliceStable(ps, func(i, j int) bool { return posLess(ps[i], ps[j]) })
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

func sortFacts(f *Facts) {
	sort.SliceStable(f.Registrations, func(i, j int) bool {
		a, b := f.Registrations[i], f.Registrations[j]
		if a.Pos != b.Pos {
			return posLess(a.Pos, b.Pos)
		}
		ra, rb := Pos{}, Pos{}
		if len(a.RegisterCalls) > 0 {
			ra = a.RegisterCalls[0]
		}
		if len(b.RegisterCalls) > 0 {
			rb = b.RegisterCalls[0]
		}
		if ra != rb {
			return posLess(ra, rb)
		}
		return posLess(a.EntryPoint.Pos, b.EntryPoint.Pos)
	})
	for _, tcs := range [][]TaskClass{f.TaskClasses, f.ElsewhereClasses} {
		sort.SliceStable(tcs, func(i, j int) bool {
			if tcs[i].Pos != tcs[j].Pos {
				return posLess(tcs[i].Pos, tcs[j].Pos)
			}
			return tcs[i].Name < tcs[j].Name
		})
	}
	f.AccessRequests = sortPos(f.AccessRequests)
	f.DiscardedAccessRequests = sortPos(f.DiscardedAccessRequests)
	sort.SliceStable(f.LookUps, func(i, j int) bool { return posLess(f.LookUps[i].Pos, f.LookUps[j].Pos) })
	f.ExistingChecks = sortPos(f.ExistingChecks)
	f.BackgroundActivated = sortPos(f.BackgroundActivated)
	sort.SliceStable(f.Notes, func(i, j int) bool { return posLess(f.Notes[i].Pos, f.Notes[j].Pos) })
}

// resultDiscarded reports whether the call of the method named at toks[i]
// is a statement of its own whose result nobody reads: not awaited, not
// assigned, returned or passed on, and no .get(), .then(…), .AsTask() or
// other member read on it. A RequestAccessAsync() written so asks
// nothing the app waits for.
func resultDiscarded(lang Language, toks []Token, i int) bool {
	if i+1 >= len(toks) || !isPunct(toks[i+1], "(") {
		return false // a method group or delegate: used somehow
	}
	end := matchClose(toks, i+1)
	if end >= len(toks) {
		return false
	}
	after := end + 1
	for {
		for after < len(toks) && toks[after].Kind == TokNewline && lang != VB {
			after++ // a chain continued on the next line: .then(…)
		}
		// JavaScript's .done() or .then() with no callback attaches
		// nothing: the result is still dropped
		if lang != JavaScript || after+3 >= len(toks) || !isPunct(toks[after], ".") ||
			!(isIdent(toks[after+1], "done") || isIdent(toks[after+1], "then")) ||
			!isPunct(toks[after+2], "(") || !isPunct(toks[after+3], ")") {
			break
		}
		after += 4
	}
	if after < len(toks) && !isPunct(toks[after], ";") && !isPunct(toks[after], "}") && toks[after].Kind != TokNewline {
		return false // .get(), .then(…), .AsTask(), an operator, …
	}
	// the start of the receiver: Ns.BackgroundExecutionManager
	k := i - 1
	for k >= 1 && isAccess(toks[k]) && toks[k-1].Kind == TokIdent {
		k -= 2
	}
	for k >= 0 && toks[k].Kind == TokNewline && lang != VB {
		k-- // var s =\n    Manager.RequestAccessAsync()
	}
	if k < 0 {
		return true
	}
	before := toks[k]
	switch {
	case isPunct(before, ";"), isPunct(before, "{"), isPunct(before, "}"), before.Kind == TokNewline:
		return true
	case isPunct(before, ")") && lang != VB:
		// if (x) Manager.RequestAccessAsync(); — a statement too
		return true
	case isPunct(before, "=") && k >= 1 && isIdent(toks[k-1], "_") && lang == CSharp:
		return true // _ = …: discarded on purpose
	case before.Kind == TokIdent:
		switch strings.ToLower(before.Text) {
		case "else", "do", "then":
			return true
		}
	}
	return false
}

// operandKeywords are the keywords an expression may follow.
var operandKeywords = []string{"await", "return", "co_await", "co_return", "yield", "call", "throw", "else", "in", "of", "typeof", "delete"}

// declarationBefore reports a token that, before "Name(", makes it a
// declaration: a type name or a declarator punctuation.
func declarationBefore(t Token) bool {
	switch t.Kind {
	case TokIdent:
		// asked of every identifier of the App's lexed files: compared
		// in any case without a lower-cased copy
		for _, kw := range operandKeywords {
			if len(t.Text) == len(kw) && strings.EqualFold(t.Text, kw) {
				return false
			}
		}
		return true
	case TokPunct:
		switch t.Text {
		case "^", "*", "&", ">", "]", "~":
			return true
		}
	}
	return false
}

// maxCallSpan bounds the tokens of one call's argument list: longer ones
// only occur in generated or hostile input, and skipping them keeps the
// scan linear.
const maxCallSpan = 4000

// matchTable maps every opening bracket to its closing one (len(toks)
// when unbalanced) in one pass.
func matchTable(toks []Token) []int32 {
	m := make([]int32, len(toks))
	var stack []int
	for i, t := range toks {
		m[i] = int32(len(toks))
		if t.Kind != TokPunct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			// pop to the nearest opener of the same kind
			for k := len(stack) - 1; k >= 0; k-- {
				o := toks[stack[k]].Text
				if (o == "(" && t.Text == ")") || (o == "[" && t.Text == "]") || (o == "{" && t.Text == "}") {
					m[stack[k]] = int32(i)
					stack = stack[:k]
					break
				}
			}
		}
	}
	return m
}

// managerAliases lists the names that stand for BackgroundExecutionManager
// in f: a using/Imports alias or a variable assigned the class
// (JavaScript "var bem = Windows.ApplicationModel.Background.BackgroundExecutionManager;").
func managerAliases(f *fileModel) map[string]bool {
	out := map[string]bool{}
	for a, target := range f.aliases {
		if lastPart(target) == "BackgroundExecutionManager" {
			out[a] = true
		}
	}
	toks := f.toks
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].Kind != TokIdent || !isPunct(toks[i+1], "=") {
			continue
		}
		parts, end := qualName(toks, i+2)
		if len(parts) > 0 && strings.EqualFold(parts[len(parts)-1], "BackgroundExecutionManager") &&
			(end == len(toks) || isPunct(toks[end], ";") || isPunct(toks[end], ",") || toks[end].Kind == TokNewline) {
			out[toks[i].Text] = true
		}
	}
	return out
}
