package okta

// Reading response bodies: bounded in size and in memory, and never past the
// request's context.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// defaultMaxResultBody bounds how much of a successful response is read unless
// WithMaxResponseBytes says otherwise: far above Okta's largest page (200 apps
// of a few KiB each).
const defaultMaxResultBody = 64 << 20

// trustedLength is how much of a declared Content-Length is allocated before
// the body arrives. An honest body up to this size is read into one buffer of
// its exact size; beyond it the buffer grows with what arrives, so a server
// that declares 64 MiB and sends 6 bytes costs this much, not 64 MiB.
const trustedLength = 1 << 20

// firstRead is the buffer a body of unknown length (chunked, gzip) starts with.
const firstRead = 512

// errBodyTooLarge is readBody's error for a successful body over the limit.
var errBodyTooLarge = errors.New("the response body is too large")

// readBody reads and closes a response body. A successful body over limit
// bytes is refused; an error body is only shown, so its first maxErrorBody
// bytes are kept and the rest dropped.
//
// Memory follows the bytes that arrive, not what the headers claim: at most
// trustedLength is allocated on the word of Content-Length, and the buffer
// then doubles, never past limit+1 bytes, so the buffers of one body add up
// to at most twice its size (plus trustedLength).
//
// The read ends when the context of r.Request is done, whatever the body
// does: the body is closed, which unblocks a read from a connection (a
// 101 answer's raw connection, a caller's transport that ignores the context).
func readBody(r *http.Response, success bool, limit int64) ([]byte, error) {
	defer r.Body.Close()
	if !success {
		limit = maxErrorBody
	}
	if success && r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	ctx := context.Background()
	if r.Request != nil {
		ctx = r.Request.Context()
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { r.Body.Close() })
		defer stop()
	}
	data, err := readUpTo(r.Body, r.ContentLength, limit)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if int64(len(data)) > limit {
		if !success {
			return data[:limit], nil
		}
		return nil, tooLarge(limit)
	}
	return data, nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: larger than %d bytes (WithMaxResponseBytes)", errBodyTooLarge, limit)
}

// readUpTo reads r to its end or to limit+1 bytes, whichever comes first.
// declared is the Content-Length (-1 when unknown); a body that keeps its
// word is read into a single buffer of its size plus one byte, the room for
// the read that sees EOF.
func readUpTo(r io.Reader, declared, limit int64) ([]byte, error) {
	size := int64(firstRead)
	if declared >= 0 {
		size = declared + 1
	}
	size = min(size, limit+1, trustedLength+1)
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return buf, nil
			}
			next := 2 * int64(cap(buf))
			if declared > int64(len(buf)) && next > declared {
				next = declared + 1 // the body said how long it is, and has kept its word so far
			}
			if next >= limit {
				next = limit + 1 // one buffer at the cap, not one just under it and another
			}
			grown := make([]byte, len(buf), next)
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
