package okta_test

import (
	"context"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gatekit/okta"
)

// countingReader records whether it was read, and blocks each read until
// release is closed (a nil release: reads at once, a small PNG).
type countingReader struct {
	reads   atomic.Int32
	release chan struct{}
}

func (r *countingReader) Read(p []byte) (int, error) {
	r.reads.Add(1)
	if r.release != nil {
		<-r.release
		return 0, io.EOF
	}
	return 0, io.EOF
}

// UploadApplicationLogo checks what it can before it reads File: a call that
// cannot succeed never reads the caller's reader.
func TestUploadLogoChecksBeforeReading(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { t.Errorf("sent: %s", r.RequestURI) })
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for name, tc := range map[string]struct {
		ctx     context.Context
		req     okta.UploadApplicationLogoRequest
		invalid bool
	}{
		"empty AppID, canceled": {canceled, okta.UploadApplicationLogoRequest{}, true},
		"canceled":              {canceled, okta.UploadApplicationLogoRequest{AppID: "0oa1"}, false},
		"NUL in the file name":  {context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", FileName: "a\x00.png"}, true},
		"LF in the file name":   {context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", FileName: "a\r\nX-Evil: 1.png"}, true},
		"DEL in the file name":  {context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", FileName: "a\x7f.png"}, true},
		"bidi in the file name": {context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", FileName: "gnp.\u202eexe"}, true},
		"bad UTF-8 in the name": {context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", FileName: "a\xff.png"}, true},
		"reserved AppID (../x)": {context.Background(), okta.UploadApplicationLogoRequest{AppID: ".."}, true},
	} {
		r := &countingReader{}
		tc.req.File = r
		_, err := f.client.ApplicationAPI.UploadApplicationLogo(tc.ctx, tc.req)
		requireError(t, err)
		if tc.invalid {
			assert.ErrorIs(t, err, okta.ErrInvalidRequest, name)
		} else {
			assert.ErrorIs(t, err, context.Canceled, name)
		}
		assert.Zero(t, r.reads.Load(), "%s: File was read", name)
	}
	assert.Zero(t, f.calls.Load())
}

// A File that blocks does not keep the call past its deadline.
func TestUploadLogoReaderHonoursDeadline(t *testing.T) {
	t.Parallel()
	f := setup(t)
	r := &countingReader{release: make(chan struct{})}
	t.Cleanup(func() { close(r.release) })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	within(t, 5*time.Second, func() {
		_, err := f.client.ApplicationAPI.UploadApplicationLogo(ctx, okta.UploadApplicationLogoRequest{AppID: "0oa1", File: r})
		requireError(t, err)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), "POST /api/v1/apps/0oa1/logo: reading File")
	})
	assert.Zero(t, f.calls.Load())
}
