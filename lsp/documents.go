package lsp

import (
	"fmt"
	"sync"
)

// document is one buffer the client has open.
type document struct {
	uri     string
	version int
	text    []byte
}

// documents are the open buffers, by local path as the client named them.
// They are the overlay every check reads instead of the file on disk.
type documents struct {
	mu      sync.Mutex
	m       map[string]*document
	dropped map[string]bool // see drop
}

func newDocuments() *documents {
	return &documents{m: map[string]*document{}, dropped: map[string]bool{}}
}

func (d *documents) open(path, uri string, version int, text []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.dropped, path)
	d.m[path] = &document{uri: uri, version: version, text: text}
}

// drop forgets an open document the server will not keep (too large);
// later changes to it are ignored until it is opened again.
func (d *documents) drop(path string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.m, path)
	d.dropped[path] = true
}

// change applies content changes in order. A change to a document that is
// not open is an error: the client and the server disagree on its text.
func (d *documents) change(path string, version int, changes []TextDocumentContentChangeEvent) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.m[path]
	if !ok {
		if d.dropped[path] {
			return nil
		}
		return fmt.Errorf("%s is not open", path)
	}
	text := doc.text
	for _, c := range changes {
		text = applyChange(text, c)
	}
	// Copy on write: snapshots handed to running checks keep the old slice.
	d.m[path] = &document{uri: doc.uri, version: version, text: text}
	return nil
}

func (d *documents) close(path string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.m, path)
}

func (d *documents) get(path string) (document, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.m[path]
	if !ok {
		return document{}, false
	}
	return *doc, true
}

// snapshot copies the open documents; their texts are never modified in
// place, so sharing the slices is safe.
func (d *documents) snapshot() map[string]document {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make(map[string]document, len(d.m))
	for p, doc := range d.m {
		out[p] = *doc
	}
	return out
}

func (d *documents) paths() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]string, 0, len(d.m))
	for p := range d.m {
		out = append(out, p)
	}
	return out
}
