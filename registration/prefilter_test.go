package registration

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrefilterAutomaton checks the prefilter's skip search against the
// lower-case-and-search it replaced, on hand-picked inputs, on random
// mixtures of word fragments, and on every source file under testdata.
func TestPrefilterAutomaton(t *testing.T) {
	cases := []string{
		"", "class A {}", "builder.TaskEntryPoint = x;", "BUILDER.TASKENTRYPOINT", "new TimeTrigger(15, false)",
		"Tas\u212aEntryPoint", "Runt\u0130meClass", "Runt\u0131meClass", "naïve café", "// RequestAccessAsync\n",
		"\xff\xfe g\x00", "runtimeclass", "Background\u212activated", "trigge", "TRIGGE R", "alltas", "getTaskGroup",
		"backgroundtaskentrypoint", "backgroundactivate", "xxbackgroundbackgroundtask", "requestrequestaccess",
		"taskentrytaskentrypoint", "gettaskgettaskgroup", "runtimeruntimeclass", "alltalltask", "trtrigger",
	}
	rnd := rand.New(rand.NewSource(6))
	frags := []string{"back", "ground", "task", "Task", "entry", "Point", "all", "get", "group", "request", "Access",
		"trig", "ger", "runtime", "class", "activ", "ated", "TR", "IG", " ", ".", "\n", "é", "a", "t", "g", "r"}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := rnd.Intn(8); n >= 0; n-- {
			sb.WriteString(frags[rnd.Intn(len(frags))])
		}
		cases = append(cases, sb.String())
	}
	// long ones too: match searches two halves at once past 256 bytes
	for i := 0; i < 3000; i++ {
		var sb strings.Builder
		for n := 40 + rnd.Intn(160); n >= 0; n-- {
			sb.WriteString(frags[rnd.Intn(len(frags))])
		}
		cases = append(cases, sb.String())
	}
	for _, src := range cases {
		if got, want := interesting([]byte(src)), interestingFolded([]byte(src)); got != want {
			t.Errorf("interesting(%q) = %v, lower-case search says %v", src, got, want)
		}
	}
	files := 0
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := LanguageOf(p); !ok {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		if got, want := interesting(b), interestingFolded(b); got != want {
			t.Errorf("%s: interesting = %v, lower-case search says %v", p, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("only %d source files under testdata", files)
	}
}

// BenchmarkPrefilter times the prefilter on a file holding none of the
// words, the common case, which both searches read to the end.
func BenchmarkPrefilter(b *testing.B) {
	src := []byte(strings.Repeat("        public string Name { get; set; } // the customer's name, as entered\n        private readonly List<Order> orders = new List<Order>();\n", 4000))
	if interestingFolded(src) {
		b.Fatal("the benchmark input holds a prefilter word")
	}
	b.Run("skip-search", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			prefilter.match(src)
		}
	})
	b.Run("lower-and-search", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			interestingFolded(src)
		}
	})
}

// TestPrefilterSplitWalk puts each word at every offset of long inputs,
// where match walks two halves (from 256 bytes), four quarters (from
// 1 024) or eight parts (from 2 048) at once: a word across a boundary or
// at either end must be found, and the filler alone not.
func TestPrefilterSplitWalk(t *testing.T) {
	for _, repeat := range []int{20, 60, 120} {
		filler := []byte(strings.Repeat("public int Count; ", repeat))
		if prefilter.match(filler) {
			t.Fatal("the filler holds a prefilter word")
		}
		for _, w := range prefilterWords {
			for at := 0; at <= len(filler); at++ {
				src := append(append(append([]byte{}, filler[:at]...), bytes.ToUpper(w)...), filler[at:]...)
				if !prefilter.match(src) {
					t.Fatalf("%q at offset %d of %d bytes not found", w, at, len(src))
				}
			}
		}
	}
}

// TestSkipSearchWholeWords checks the whole-identifier skip search that
// picks the files resolution asks for against the trie walk it stands in
// for, on random word sets and texts made of their pieces, short and long.
func TestSkipSearchWholeWords(t *testing.T) {
	rnd := rand.New(rand.NewSource(7))
	alphabet := "abcAB_019xyz"
	word := func() string {
		b := make([]byte, 3+rnd.Intn(6))
		for i := range b {
			b[i] = alphabet[rnd.Intn(len(alphabet))]
		}
		return string(b)
	}
	seps := []string{" ", ".", "(", "\n", "é", "::", "\"", "_", "0"}
	for round := 0; round < 400; round++ {
		var words [][]byte
		var pieces []string
		for n := 1 + rnd.Intn(5); n > 0; n-- {
			w := word()
			words = append(words, []byte(w))
			pieces = append(pieces, w, strings.ToUpper(w), w[:len(w)-1], w[1:])
		}
		skip, ok := newSkipSearch(words, true)
		if !ok {
			t.Fatalf("newSkipSearch(%q) refused", words)
		}
		trie := newNameAutomaton(words)
		for i := 0; i < 60; i++ {
			var sb strings.Builder
			for n := rnd.Intn([]int{6, 120, 700}[i%3]); n >= 0; n-- {
				if rnd.Intn(2) == 0 {
					sb.WriteString(pieces[rnd.Intn(len(pieces))])
				} else {
					sb.WriteString(seps[rnd.Intn(len(seps))])
				}
			}
			src := []byte(sb.String())
			if got, want := skip.matchWord(src), trie.matchWord(src); got != want {
				t.Fatalf("words %q in %q: skip search says %v, trie walk %v", words, src, got, want)
			}
		}
	}
	for _, refused := range [][][]byte{{[]byte("ab")}, {[]byte("a.b")}, {[]byte("naïve")}, nil} {
		if _, ok := newSkipSearch(refused, true); ok {
			t.Errorf("newSkipSearch(%q) accepted words it cannot search", refused)
		}
	}
}

// TestSkipSearchWordLongerThanHalfTheText: a looked-up name longer than
// half of a text of 256 bytes or more once put the search from the
// middle before the text's start (an index out of range that cost the
// App all its findings).
func TestSkipSearchWordLongerThanHalfTheText(t *testing.T) {
	long := strings.Repeat("B", 300)
	words := [][]byte{[]byte("abc"), []byte(long)}
	skip, ok := newSkipSearch(words, true)
	if !ok {
		t.Fatal("newSkipSearch refused ASCII identifiers")
	}
	trie := newNameAutomaton(words)
	for _, n := range []int{256, 300, 400, 599, 600, 601, 1000, 1024, 1200, 1203, 2400, 5000} {
		texts := []string{strings.Repeat(" ", n), strings.Repeat("x", n-4) + " abc"}
		if n > len(long) {
			texts = append(texts, strings.Repeat(" ", n-len(long)-1)+" "+long, long+strings.Repeat(" ", n-len(long)))
		}
		for _, src := range texts {
			if got, want := skip.matchWord([]byte(src)), trie.matchWord([]byte(src)); got != want {
				t.Errorf("%d-byte text: skip search says %v, trie walk %v", len(src), got, want)
			}
		}
	}
}
