package okta

// The two operations whose request bodies are not JSON: a certificate for
// PublishCsrFromApplication and a multipart logo for UploadApplicationLogo.
// Both are checked here, before anything is sent.

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path"
	"strings"
	"unicode/utf8"
)

// certificateBody works out how to send a certificate: the body, its content
// type, and a Content-Transfer-Encoding when the body is base64.
func certificateBody(cert []byte) (body []byte, ctype, encoding string, err error) {
	trimmed := bytes.TrimSpace(cert)
	if len(trimmed) == 0 {
		return nil, "", "", errors.New("the Certificate is required")
	}
	if i := bytes.Index(trimmed, []byte("-----BEGIN")); i >= 0 {
		body, err := pemCertificates(trimmed[i:])
		if err != nil {
			return nil, "", "", err
		}
		if bytes.Equal(bytes.TrimSpace(body), trimmed) {
			return cert, "application/x-pem-file", "", nil // nothing else in it: sent as given
		}
		return body, "application/x-pem-file", "", nil
	}
	if _, err := x509.ParseCertificate(cert); err == nil {
		return cert, "application/pkix-cert", "", nil
	}
	compact := strings.Join(strings.Fields(string(trimmed)), "")
	if der, err := base64.StdEncoding.DecodeString(compact); err == nil {
		if _, err := x509.ParseCertificate(der); err == nil {
			return trimmed, "application/pkix-cert", "base64", nil
		}
	}
	return nil, "", "", errors.New("the Certificate is neither a PEM CERTIFICATE, DER, nor base64 DER X.509 certificate")
}

// pemCertificates returns the CERTIFICATE blocks of PEM text, re-encoded and
// in order. Text around the blocks (openssl's -text output, the "Bag
// Attributes" of a PKCS#12 export) and blocks of other types (a private key
// in the same file) are left out, so they are never sent. The first block must
// be a certificate.
func pemCertificates(b []byte) ([]byte, error) {
	block, rest := pem.Decode(b)
	if block == nil {
		return nil, errors.New("the Certificate starts like PEM but is not valid PEM")
	}
	if block.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("the Certificate is a PEM %q block; a CERTIFICATE is needed", block.Type)
	}
	var out []byte
	for block != nil {
		if block.Type == "CERTIFICATE" {
			if _, err := x509.ParseCertificate(block.Bytes); err != nil {
				return nil, fmt.Errorf("the Certificate's PEM block is not an X.509 certificate: %v", err)
			}
			out = append(out, pem.EncodeToMemory(&pem.Block{Type: block.Type, Bytes: block.Bytes})...)
		}
		block, rest = pem.Decode(rest)
	}
	return out, nil
}

// maxLogoSize is the size a logo must stay under.
const maxLogoSize = 1 << 20

var logoTypes = map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}

// uploadLogo is UploadApplicationLogo. Everything that can be checked without
// the image is checked first (AppID, FileName, File, the context), so that a
// call that cannot succeed never reads the caller's reader. File is read
// within the context: a reader that blocks past the deadline fails the call
// at the deadline (see readWithin).
func uploadLogo(ctx context.Context, c *APIClient, req UploadApplicationLogoRequest) (*Response, error) {
	cl := call{op: "uploadApplicationLogo", method: http.MethodPost, path: "/api/v1/apps/{appId}/logo", params: []string{req.AppID}}
	path, err := expandPath(cl.op, cl.path, cl.params)
	if err != nil {
		return nil, err
	}
	if err := checkFileName(req.FileName); err != nil {
		return nil, invalid(cl.op, "%v", err)
	}
	if req.File == nil {
		return nil, invalid(cl.op, "File is required")
	}
	fail := func(err error) error {
		return &callError{method: cl.method, path: path, stage: "reading File", err: err, scrub: c.scrub}
	}
	if err := ctx.Err(); err != nil {
		return nil, fail(err)
	}
	img, err := readWithin(ctx, req.File, maxLogoSize)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fail(ctx.Err())
		}
		return nil, invalid(cl.op, "reading File: %v", err)
	}
	if cl.body, cl.ctype, err = logoBody(img, req.FileName); err != nil {
		return nil, invalid(cl.op, "%v", err)
	}
	return doEmpty(ctx, c, cl)
}

// checkFileName refuses a file name that cannot go into a Content-Disposition
// header as it is: control characters, or bytes that are not UTF-8.
func checkFileName(name string) error {
	if !utf8.ValidString(name) {
		return errors.New("FileName is not valid UTF-8")
	}
	if i := strings.IndexFunc(name, unsafeRune); i >= 0 {
		r, _ := utf8.DecodeRuneInString(name[i:])
		return fmt.Errorf("FileName has the control character %U at byte %d", r, i)
	}
	return nil
}

// readWithin reads at most n bytes of r, or stops waiting when ctx is done.
// The SDK cannot interrupt a caller's reader: with a context that can end,
// the read runs in a goroutine of its own, which outlives the call until the
// reader returns.
func readWithin(ctx context.Context, r io.Reader, n int64) ([]byte, error) {
	if ctx.Done() == nil {
		return io.ReadAll(io.LimitReader(r, n))
	}
	type result struct {
		b   []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(r, n))
		ch <- result{b, err}
	}()
	select {
	case res := <-ch:
		return res.b, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// logoBody checks that img (at most maxLogoSize bytes of the caller's File)
// is a PNG, JPEG or GIF image smaller than maxLogoSize, and builds the
// multipart body.
func logoBody(img []byte, name string) ([]byte, string, error) {
	if len(img) >= maxLogoSize {
		return nil, "", fmt.Errorf("the logo is 1 MiB or larger; Okta takes images under %d bytes", maxLogoSize)
	}
	if len(img) == 0 {
		return nil, "", errors.New("the logo is empty")
	}
	ctype := http.DetectContentType(img)
	ext, ok := logoTypes[ctype]
	if !ok {
		return nil, "", fmt.Errorf("the logo is %s; Okta takes PNG, JPEG or GIF images", ctype)
	}
	if name == "" {
		name = "logo" + ext
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, quoteEscaper.Replace(path.Base(name))))
	h.Set("Content-Type", ctype)
	part, err := w.CreatePart(h)
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(img); err != nil {
		return nil, "", err
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
