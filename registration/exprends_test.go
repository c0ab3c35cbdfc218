package registration

import (
	"math/rand"
	"slices"
	"testing"
)

// exprEndsMap is exprEnds as it was with a map from depth to the nearest
// separator; the slice version must give the same table.
func exprEndsMap(toks []Token) []int32 {
	n := len(toks)
	depth := make([]int32, n)
	d := int32(0)
	for k, t := range toks {
		if t.Kind == TokPunct && (t.Text == ")" || t.Text == "]" || t.Text == "}") {
			d--
		}
		depth[k] = d
		if t.Kind == TokPunct && (t.Text == "(" || t.Text == "[" || t.Text == "{") {
			d++
		}
	}
	next := make([]int32, n+1)
	last := map[int32]int32{}
	next[n] = int32(n)
	for k := n - 1; k >= 0; k-- {
		t := toks[k]
		closer := t.Kind == TokPunct && (t.Text == ")" || t.Text == "]" || t.Text == "}")
		if t.Kind == TokNewline || closer || t.Kind == TokPunct && (t.Text == ";" || t.Text == ",") {
			dk := depth[k]
			if closer {
				dk++
			}
			last[dk] = int32(k)
		}
		if v, ok := last[depth[k]]; ok {
			next[k] = v
		} else {
			next[k] = int32(n)
		}
	}
	return next
}

// TestExprEndsRandom checks the slice-based table against the map-based
// one on random, often unbalanced, token sequences.
func TestExprEndsRandom(t *testing.T) {
	rnd := rand.New(rand.NewSource(6))
	kinds := []Token{
		{Kind: TokIdent, Text: "x"}, {Kind: TokPunct, Text: "="}, {Kind: TokPunct, Text: ";"}, {Kind: TokPunct, Text: ","},
		{Kind: TokPunct, Text: "("}, {Kind: TokPunct, Text: ")"}, {Kind: TokPunct, Text: "["}, {Kind: TokPunct, Text: "]"},
		{Kind: TokPunct, Text: "{"}, {Kind: TokPunct, Text: "}"}, {Kind: TokNewline}, {Kind: TokNumber, Text: "1"},
	}
	for iter := 0; iter < 3000; iter++ {
		toks := make([]Token, rnd.Intn(40))
		for i := range toks {
			toks[i] = kinds[rnd.Intn(len(kinds))]
		}
		if got, want := exprEnds(CSharp, toks), exprEndsMap(toks); !slices.Equal(got, want) {
			t.Fatalf("tokens %v: ends %v, want %v", toks, got, want)
		}
	}
}
