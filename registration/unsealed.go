package registration

import "bytes"

// BG201 wants every public class of a C# or VB Windows Runtime Component
// that holds a background task: one that is not sealed breaks the
// component. Such a component's other files (models, helpers) used to be
// lexed whole just to see their class declarations; in a large component
// that was most of a workspace check's lexing. mayDeclareUnsealedClass is
// the byte test that lets a file be skipped: it is false only when every
// `class` keyword in the file is safe to ignore, and true (lex the file)
// whenever it cannot tell.

// mayDeclareUnsealedClass reports whether src (C# or VB) may declare a
// public class that is not sealed. Each whole word "class" ("Class" in any
// case for VB) is checked against the words written just before it on the
// same declaration: sealed or static (NotInheritable, End) make it safe, and
// so does the absence of public (a non-public part of a partial class is
// reported through its public part, whose file is lexed). Anything else in
// front (a comment, an attribute argument, a generic constraint, a line
// continuation) makes the file worth lexing.
func mayDeclareUnsealedClass(lang Language, src []byte) bool {
	fold := lang == VB
	for i := 0; i < len(src); {
		k := indexWord(src[i:], "class", fold)
		if k < 0 {
			return false
		}
		at := i + k
		if !classDeclSafe(lang, src, at) {
			return true
		}
		i = at + len("class")
	}
	return false
}

// indexWord finds word as a whole identifier in src (ASCII case folded when
// fold is set), or -1.
func indexWord(src []byte, word string, fold bool) int {
	w := []byte(word)
	for off := 0; off < len(src); {
		var k int
		if fold {
			k = indexFoldASCII(src[off:], w)
		} else {
			k = bytes.Index(src[off:], w)
		}
		if k < 0 {
			return -1
		}
		at := off + k
		end := at + len(w)
		if (at == 0 || !isWordByte(src[at-1])) && (end == len(src) || !isWordByte(src[end])) {
			return at
		}
		off = at + 1
	}
	return -1
}

// indexFoldASCII is bytes.Index ignoring ASCII case; w is lower case.
func indexFoldASCII(src, w []byte) int {
	first := w[0]
	upper := first - 'a' + 'A'
	for i := 0; i+len(w) <= len(src); i++ {
		c := src[i]
		if c != first && c != upper {
			continue
		}
		j := 1
		for j < len(w) && lowerASCII(src[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

// isWordByte: identifier bytes; a non-ASCII byte counts as one, so a word
// glued to a non-ASCII letter is never taken for the keyword.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

var (
	csClassModifiers = map[string]bool{"public": true, "private": true, "protected": true, "internal": true, "sealed": true,
		"static": true, "abstract": true, "partial": true, "unsafe": true, "new": true, "file": true}
	vbClassModifiers = map[string]bool{"public": true, "private": true, "protected": true, "friend": true, "partial": true,
		"notinheritable": true, "mustinherit": true, "shadows": true, "end": true}
)

// classDeclSafe reads the words before the keyword at src[at:] back to
// the start of the declaration and says whether they prove the class is
// sealed, static or not public (or the word is VB's End Class).
func classDeclSafe(lang Language, src []byte, at int) bool {
	modifiers := csClassModifiers
	if lang == VB {
		modifiers = vbClassModifiers
	}
	var words []string
	i := at
	for {
		for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || lang != VB && (src[i-1] == '\n' || src[i-1] == '\r')) {
			i--
		}
		if i == 0 {
			break
		}
		if lang != VB {
			if k, ok := skipCSharpTrivia(src, i); ok {
				i = k
				continue
			}
			if k, ok := skipAttribute(src, i); ok && hasModifierBefore(src, k) {
				// "public [A] class": the parser takes the words before
				// an attribute group for modifiers too
				i = k
				continue
			}
		}
		if !isWordByte(src[i-1]) {
			break
		}
		end := i
		for i > 0 && isWordByte(src[i-1]) {
			i--
		}
		w := string(bytes.ToLower(src[i:end]))
		if lang != VB {
			w = string(src[i:end]) // C# keywords are lower case and case-sensitive
		}
		if !modifiers[w] {
			return false
		}
		words = append(words, w)
	}
	if !declarationStart(lang, src, i) {
		return false
	}
	public := false
	for _, w := range words {
		switch w {
		case "sealed", "static", "notinheritable", "end":
			return true
		case "public":
			public = true
		}
	}
	return !public
}

// declarationStart reports whether the walk back stopped where a
// declaration may begin: the start of the file, after a statement, a block
// or an attribute; for VB, at a line start not continued from the line
// before.
func declarationStart(lang Language, src []byte, i int) bool {
	if i == 0 {
		return true
	}
	switch c := src[i-1]; {
	case c == ';' || c == '{' || c == '}' || c == ']':
		return lang != VB
	case lang == VB && c == '>':
		return true // <Attribute> Public Class
	case lang == VB && (c == '\n' || c == '\r'):
		// the line before must not continue onto this one: no trailing
		// " _", and no comment that could hide one ("_ ' note")
		line := src[:i-1]
		if k := bytes.LastIndexAny(line, "\r\n"); k >= 0 {
			line = line[k+1:]
		}
		line = bytes.TrimRight(line, " \t")
		return !bytes.HasSuffix(line, []byte("_")) && bytes.IndexByte(line, '\'') < 0
	case lang == VB && c == ':':
		return true
	}
	return false
}

// skipCSharpTrivia steps back over what may sit between a declaration's
// start and its keyword in C#: a comment line (the /// summary above nearly
// every class), a #region or #pragma line, or a /* block */ comment ending
// at src[i-1]. ok is false when there is none.
func skipCSharpTrivia(src []byte, i int) (int, bool) {
	if i >= 2 && src[i-1] == '/' && src[i-2] == '*' {
		if k := bytes.LastIndex(src[:i-2], []byte("/*")); k >= 0 {
			return k, true
		}
		return i, false
	}
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	line := bytes.TrimLeft(src[start:i], " \t")
	for _, p := range [][]byte{[]byte("//"), []byte("#region"), []byte("#endregion"), []byte("#pragma")} {
		if bytes.HasPrefix(line, p) {
			return start, true
		}
	}
	return i, false
}

// skipAttribute steps back over an attribute group "[…]" that ends just
// before src[i] (on one line), returning the index of its '['.
func skipAttribute(src []byte, i int) (int, bool) {
	if i == 0 || src[i-1] != ']' {
		return i, false
	}
	depth := 0
	for k := i - 1; k >= 0; k-- {
		switch src[k] {
		case ']':
			depth++
		case '[':
			depth--
			if depth == 0 {
				return k, true
			}
		case '\n', ';', '{', '}':
			return i, false // an attribute group sits on one line
		}
	}
	return i, false
}

// hasModifierBefore reports whether the word that ends before src[i]
// (spaces skipped) is a C# class modifier.
func hasModifierBefore(src []byte, i int) bool {
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	end := i
	for i > 0 && isWordByte(src[i-1]) {
		i--
	}
	return end > i && csClassModifiers[string(src[i:end])]
}
