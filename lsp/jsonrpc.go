package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxMessageSize caps one message body. A client that announces more is
// either broken or hostile; the server must not allocate what it says.
const MaxMessageSize = 64 << 20

// maxHeaderLine caps one header line, so a stream without newlines cannot
// grow the reader's buffer without bound.
const maxHeaderLine = 4096

// maxHeaders caps the number of header lines of one message.
const maxHeaders = 32

// JSON-RPC 2.0 and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
)

// ErrHeader is wrapped by every framing error of a message's header part.
var ErrHeader = errors.New("bad LSP message header")

// ErrTooLarge is returned for a Content-Length over MaxMessageSize.
var ErrTooLarge = errors.New("LSP message too large")

// ReadMessage reads one framed message ("Content-Length: N\r\n\r\n" then N
// bytes) and returns its body. io.EOF means the stream ended cleanly between
// messages; io.ErrUnexpectedEOF that it ended inside one. Header names are
// case-insensitive, a Content-Type header is accepted and ignored, and a
// bare "\n" line ending is tolerated because some clients send it.
func ReadMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	var tooLarge int64
	for n := 0; ; n++ {
		if n >= maxHeaders {
			return nil, fmt.Errorf("%w: more than %d header lines", ErrHeader, maxHeaders)
		}
		line, err := readHeaderLine(r)
		if err != nil {
			if errors.Is(err, io.EOF) && n == 0 && len(line) == 0 {
				return nil, io.EOF
			}
			if errors.Is(err, io.EOF) {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if line == "" {
			if n == 0 {
				// Tolerate blank lines between messages.
				n = -1
				continue
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: line %q has no ':'", ErrHeader, clip(line))
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if length >= 0 {
				return nil, fmt.Errorf("%w: Content-Length given twice", ErrHeader)
			}
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || v < 0 {
				return nil, fmt.Errorf("%w: Content-Length %q is not a length", ErrHeader, clip(strings.TrimSpace(value)))
			}
			if v > MaxMessageSize {
				tooLarge = v
				length = 0
				continue
			}
			length = int(v)
		}
	}
	if tooLarge > 0 {
		// Skip the body without holding it, so the next message can still
		// be read.
		if _, err := io.CopyN(io.Discard, r, tooLarge); err != nil {
			return nil, fmt.Errorf("%w: Content-Length %d exceeds %d bytes (and the stream ended inside it)", ErrTooLarge, tooLarge, MaxMessageSize)
		}
		return nil, fmt.Errorf("%w: Content-Length %d exceeds %d bytes; message skipped", ErrTooLarge, tooLarge, MaxMessageSize)
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: no Content-Length", ErrHeader)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("reading %d-byte message body: %w", length, err)
	}
	return body, nil
}

// readHeaderLine reads up to "\n" and drops the line ending. A line longer
// than maxHeaderLine is an error, not a reason to buffer more.
func readHeaderLine(r *bufio.Reader) (string, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxHeaderLine {
			return "", fmt.Errorf("%w: header line longer than %d bytes", ErrHeader, maxHeaderLine)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return string(buf), err
		}
		break
	}
	buf = bytes.TrimSuffix(buf, []byte("\n"))
	buf = bytes.TrimSuffix(buf, []byte("\r"))
	return string(buf), nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// WriteMessage frames body and writes it in one Write call, so concurrent
// writers serialised by a mutex never interleave a header with a body.
func WriteMessage(w io.Writer, body []byte) error {
	var buf bytes.Buffer
	buf.Grow(len(body) + 32)
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(body))
	buf.Write(body)
	_, err := w.Write(buf.Bytes())
	return err
}

// message is any JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *responseError  `json:"error,omitempty"`
}

// isRequest: a message with an ID and a method expects a response.
func (m *message) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

// isResponse: an answer to a request the server sent.
func (m *message) isResponse() bool { return len(m.ID) > 0 && m.Method == "" }

// responseError is the error object of a response.
type responseError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *responseError) Error() string { return fmt.Sprintf("%s (code %d)", e.Message, e.Code) }

// response is what the server writes for a request. Result is always
// present on success (JSON null is a valid result) and absent on error.
type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *responseError  `json:"error"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

type outgoingRequest struct {
	JSONRPC string `json:"jsonrpc"`
	ID      string `json:"id"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// validID reports whether a request ID is a string or an integer, the only
// kinds JSON-RPC 2.0 allows besides null.
func validID(id json.RawMessage) bool {
	if len(id) == 0 {
		return false
	}
	switch id[0] {
	case '"':
		var s string
		return json.Unmarshal(id, &s) == nil
	case 'n':
		return string(id) == "null"
	default:
		var n json.Number
		return json.Unmarshal(id, &n) == nil
	}
}
