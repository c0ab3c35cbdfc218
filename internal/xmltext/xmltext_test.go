package xmltext

import (
	"encoding/xml"
	"strings"
	"testing"
)

// What Plain accepts, Decode reads as encoding/xml does (the text of an
// element); what it refuses, encoding/xml decodes otherwise or rejects.
func TestPlainAndDecode(t *testing.T) {
	for _, tt := range []struct {
		text  string
		plain bool
	}{
		{"", true},
		{"Tasks.SyncTask", true},
		{"a &lt; b &amp;&amp; c &gt; d &quot;e&quot; &apos;f&apos;", true},
		{"line\r\nnext\rlast\n", true},
		{"Ünïcödé €", true},
		{"tab\there", true},
		{"&#65;", false},
		{"&custom;", false},
		{"bare & here", false},
		{"&amp", false},
		{"\x01", false},
		{"\xff", false},
		{"\uFFFE", false},
		{"\xed\xa0\x80", false}, // a surrogate written in UTF-8
	} {
		if got := Plain([]byte(tt.text)); got != tt.plain {
			t.Errorf("Plain(%q) = %v, want %v", tt.text, got, tt.plain)
			continue
		}
		if !tt.plain {
			continue
		}
		var v struct {
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte("<x>"+tt.text+"</x>"), &v); err != nil {
			t.Fatalf("encoding/xml refuses plain %q: %v", tt.text, err)
		}
		if got := string(Decode([]byte(tt.text))); got != v.Text {
			t.Errorf("Decode(%q) = %q, encoding/xml reads %q", tt.text, got, v.Text)
		}
	}
	if s := []byte("unchanged"); &Decode(s)[0] != &s[0] {
		t.Error("Decode copied text it had nothing to change in")
	}
	if got := string(Decode([]byte(strings.Repeat("&amp;", 3)))); got != "&&&" {
		t.Errorf("Decode of three &amp; = %q", got)
	}
}
