package lsp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadMessage(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string // bodies read in order before the final error
		wantErr error    // final error (io.EOF for a clean end)
		errText string   // substring of a non-sentinel error
	}{
		{name: "one message", in: "Content-Length: 2\r\n\r\n{}", want: []string{"{}"}, wantErr: io.EOF},
		{name: "two messages", in: "Content-Length: 1\r\n\r\naContent-Length: 2\r\n\r\nbc", want: []string{"a", "bc"}, wantErr: io.EOF},
		{name: "content type ignored", in: "Content-Length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nabc", want: []string{"abc"}, wantErr: io.EOF},
		{name: "header name any case", in: "content-length:   3  \r\n\r\nabc", want: []string{"abc"}, wantErr: io.EOF},
		{name: "bare newlines", in: "Content-Length: 3\n\nabc", want: []string{"abc"}, wantErr: io.EOF},
		{name: "blank lines between messages", in: "\r\n\r\nContent-Length: 1\r\n\r\nx", want: []string{"x"}, wantErr: io.EOF},
		{name: "empty body", in: "Content-Length: 0\r\n\r\n", want: []string{""}, wantErr: io.EOF},
		{name: "body with multibyte characters", in: "Content-Length: 4\r\n\r\n\"é\"", want: []string{"\"é\""}, wantErr: io.EOF},
		{name: "empty input", in: "", wantErr: io.EOF},
		{name: "eof inside header", in: "Content-Len", wantErr: io.ErrUnexpectedEOF},
		{name: "eof after header", in: "Content-Length: 5\r\n", wantErr: io.ErrUnexpectedEOF},
		{name: "eof inside body", in: "Content-Length: 5\r\n\r\nab", wantErr: io.ErrUnexpectedEOF},
		{name: "no content length", in: "Content-Type: x\r\n\r\n{}", wantErr: ErrHeader, errText: "no Content-Length"},
		{name: "header without colon", in: "hello\r\n\r\n", wantErr: ErrHeader, errText: "no ':'"},
		{name: "negative length", in: "Content-Length: -1\r\n\r\n", wantErr: ErrHeader, errText: "not a length"},
		{name: "length not a number", in: "Content-Length: 12abc\r\n\r\n", wantErr: ErrHeader, errText: "not a length"},
		{name: "length overflows int64", in: "Content-Length: 99999999999999999999999\r\n\r\n", wantErr: ErrHeader},
		{name: "length given twice", in: "Content-Length: 1\r\nContent-Length: 1\r\n\r\na", wantErr: ErrHeader, errText: "twice"},
		{name: "oversized", in: "Content-Length: 67108865\r\n\r\n", wantErr: ErrTooLarge},
		{name: "header line too long", in: "X-" + strings.Repeat("a", 5000) + ": b\r\n\r\n", wantErr: ErrHeader, errText: "longer than"},
		{name: "too many headers", in: strings.Repeat("X: y\r\n", 40) + "\r\n", wantErr: ErrHeader, errText: "header lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte per Read: framing must not depend on how the pipe
			// splits the stream.
			r := bufio.NewReader(iotest.OneByteReader(strings.NewReader(tt.in)))
			var got []string
			var err error
			for {
				var body []byte
				body, err = ReadMessage(r)
				if err != nil {
					break
				}
				got = append(got, string(body))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("bodies = %q, want %q", got, tt.want)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error = %v, want %v", err, tt.wantErr)
			}
			if tt.errText != "" && (err == nil || !strings.Contains(err.Error(), tt.errText)) {
				t.Errorf("error = %v, want it to mention %q", err, tt.errText)
			}
		})
	}
}

func TestOversizedMessageIsSkipped(t *testing.T) {
	// The body is streamed from a generator, never held by the test; the
	// reader must skip it without buffering it and then read the next
	// message normally.
	size := int64(MaxMessageSize + 1)
	in := io.MultiReader(
		strings.NewReader(fmt.Sprintf("Content-Length: %d\r\n\r\n", size)),
		io.LimitReader(zeros{}, size),
		strings.NewReader("Content-Length: 2\r\n\r\n{}"),
	)
	r := bufio.NewReader(in)
	if _, err := ReadMessage(r); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error = %v, want ErrTooLarge", err)
	}
	body, err := ReadMessage(r)
	if err != nil || string(body) != "{}" {
		t.Fatalf("next message = %q, %v; want {}", body, err)
	}
}

func TestOversizedClaimAtEOF(t *testing.T) {
	r := bufio.NewReader(strings.NewReader("Content-Length: 1099511627776\r\n\r\n{}"))
	_, err := ReadMessage(r)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "ended") {
		t.Fatalf("error = %v, want ErrTooLarge mentioning the early end", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestWriteMessageRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	bodies := []string{`{"jsonrpc":"2.0","method":"x"}`, "", "ünïcödé 𝄞"}
	for _, b := range bodies {
		if err := WriteMessage(&buf, []byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasPrefix(buf.String(), "Content-Length: 30\r\n\r\n{") {
		t.Errorf("framing = %q", buf.String()[:30])
	}
	r := bufio.NewReader(&buf)
	for _, want := range bodies {
		got, err := ReadMessage(r)
		if err != nil || string(got) != want {
			t.Fatalf("ReadMessage = %q, %v; want %q", got, err, want)
		}
	}
	if _, err := ReadMessage(r); err != io.EOF {
		t.Errorf("after the last message: %v, want io.EOF", err)
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		`1`: true, `"abc"`: true, `null`: true, `-7`: true, `1.5`: true,
		`{}`: false, `[1]`: false, `true`: false, `"unterminated`: false, ``: false,
	} {
		if got := validID([]byte(id)); got != want {
			t.Errorf("validID(%s) = %v, want %v", id, got, want)
		}
	}
}

func FuzzReadMessage(f *testing.F) {
	seeds := []string{
		"Content-Length: 2\r\n\r\n{}",
		"Content-Length: 17\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\"}",
		"content-length:0\n\n",
		"Content-Length: 5\r\n\r\nab",
		"Content-Length: -3\r\n\r\n",
		"Content-Length: 67108865\r\n\r\n",
		"Content-Length: 1\r\nContent-Length: 1\r\n\r\nx",
		"\r\n\r\n\r\n",
		"garbage without colon\r\n\r\n",
		"Content-Length: 3\r\n\r\nabcContent-Length: 1\r\n\r\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		total := 0
		for i := 0; i < 1000; i++ {
			body, err := ReadMessage(r)
			if err != nil {
				return
			}
			total += len(body)
			if total > len(data) {
				t.Fatalf("read %d body bytes from %d input bytes", total, len(data))
			}
			// Whatever was read must frame back to something that reads
			// back identically.
			var buf bytes.Buffer
			if err := WriteMessage(&buf, body); err != nil {
				t.Fatal(err)
			}
			again, err := ReadMessage(bufio.NewReader(&buf))
			if err != nil || !bytes.Equal(again, body) {
				t.Fatalf("round trip of %q: %q, %v", body, again, err)
			}
		}
	})
}
