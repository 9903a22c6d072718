package okta

// Certificate signing requests for an application's key credentials.

import (
	"context"
	"iter"
	"net/http"
)

// GenerateCsrForApplicationRequest is the CSR to generate.
type GenerateCsrForApplicationRequest struct {
	AppID    string       // required
	Metadata *CsrMetadata // required: the subject and subject alternative names
}

// GenerateCsrForApplication makes a new key pair for an app and returns a
// certificate signing request for it. Sign it (Csr.CertificateRequest parses
// it) and publish the certificate with PublishCsrFromApplication.
//
// POST /api/v1/apps/{appId}/credentials/csrs
func (a *ApplicationAPI) GenerateCsrForApplication(ctx context.Context, req GenerateCsrForApplicationRequest) (*Csr, *Response, error) {
	return doJSON[Csr](ctx, a.client, call{op: "generateCsrForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/csrs", params: []string{req.AppID}, json: req.Metadata, needs: "Metadata"})
}

// ListCsrsForApplicationRequest names the app whose CSRs
// ListCsrsForApplication lists.
type ListCsrsForApplicationRequest struct {
	AppID string // required
}

func (r ListCsrsForApplicationRequest) call() call {
	return call{op: "listCsrsForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/csrs", params: []string{r.AppID}}
}

// ListCsrsForApplication lists an app's pending certificate signing requests.
//
// GET /api/v1/apps/{appId}/credentials/csrs
func (a *ApplicationAPI) ListCsrsForApplication(ctx context.Context, req ListCsrsForApplicationRequest) ([]Csr, *Response, error) {
	return doList[Csr](ctx, a.client, req.call())
}

// ListCsrsForApplicationAll walks every page of ListCsrsForApplication (Okta
// sends one).
//
// GET /api/v1/apps/{appId}/credentials/csrs
func (a *ApplicationAPI) ListCsrsForApplicationAll(ctx context.Context, req ListCsrsForApplicationRequest) iter.Seq2[*Csr, error] {
	return listAll[Csr](ctx, a.client, req.call())
}

// GetCsrForApplicationRequest names the CSR GetCsrForApplication fetches.
type GetCsrForApplicationRequest struct {
	AppID string // required
	CsrID string // required
}

// GetCsrForApplication fetches one of an app's certificate signing requests.
//
// GET /api/v1/apps/{appId}/credentials/csrs/{csrId}
func (a *ApplicationAPI) GetCsrForApplication(ctx context.Context, req GetCsrForApplicationRequest) (*Csr, *Response, error) {
	return doJSON[Csr](ctx, a.client, call{op: "getCsrForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/csrs/{csrId}", params: []string{req.AppID, req.CsrID}})
}

// PublishCsrFromApplicationRequest is the signed certificate for a CSR.
type PublishCsrFromApplicationRequest struct {
	AppID string // required
	CsrID string // required
	// Certificate is the signed X.509 certificate: PEM (sent as
	// application/x-pem-file), DER (sent as application/pkix-cert), or base64
	// DER (sent as given, as application/pkix-cert with
	// Content-Transfer-Encoding: base64). Anything else is refused before
	// sending. Of PEM, only the CERTIFICATE blocks are sent: text around them
	// (openssl -text output) and other blocks, such as a private key kept in
	// the same file, are left out.
	Certificate []byte
}

// PublishCsrFromApplication publishes the certificate signed for a CSR; the
// key pair then becomes one of the app's key credentials.
//
// POST /api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish
func (a *ApplicationAPI) PublishCsrFromApplication(ctx context.Context, req PublishCsrFromApplicationRequest) (*JsonWebKey, *Response, error) {
	const op = "publishCsrFromApplication"
	body, ctype, encoding, err := certificateBody(req.Certificate)
	if err != nil {
		return nil, nil, invalid(op, "%v", err)
	}
	cl := call{op: op, method: http.MethodPost, path: "/api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish",
		params: []string{req.AppID, req.CsrID}, body: body, ctype: ctype}
	if encoding != "" {
		cl.header = http.Header{"Content-Transfer-Encoding": {encoding}}
	}
	return doJSON[JsonWebKey](ctx, a.client, cl)
}

// RevokeCsrFromApplicationRequest names the CSR RevokeCsrFromApplication
// revokes.
type RevokeCsrFromApplicationRequest struct {
	AppID string // required
	CsrID string // required
}

// RevokeCsrFromApplication revokes a certificate signing request and deletes
// its key pair.
//
// DELETE /api/v1/apps/{appId}/credentials/csrs/{csrId}
func (a *ApplicationAPI) RevokeCsrFromApplication(ctx context.Context, req RevokeCsrFromApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeCsrFromApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/credentials/csrs/{csrId}", params: []string{req.AppID, req.CsrID}})
}
