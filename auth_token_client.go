package okta

// The token endpoint client: the client-credentials grant with a client
// assertion, and DPoP proofs when the app needs them.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"
)

// tokenPath is the org authorization server's token endpoint.
const tokenPath = "/oauth2/v1/token"

// tokenClient requests access tokens from the org's token endpoint.
type tokenClient struct {
	http      *http.Client // the configured client, copied, following no redirect
	endpoint  string
	clientID  string
	scope     string
	assertion ClientAssertionFunc
	userAgent string
	logger    *slog.Logger
	dpop      *dpopProver // nil: never send a proof
	useDPoP   atomic.Bool // send a proof (configured, or learned from a refusal)
}

// maxTokenBody bounds how much of a token endpoint answer is read.
const maxTokenBody = 1 << 20

// fetch gets a new access token: one request, and one more when the server
// asks for a DPoP nonce or, with DPoP left to be learned, for a DPoP proof.
// Each request has a fresh assertion and a fresh proof.
func (t *tokenClient) fetch(ctx context.Context) (*oauth2.Token, error) {
	nonceTried, dpopTried := false, false
	for {
		useDPoP := t.dpop != nil && t.useDPoP.Load()
		tok, err := t.request(ctx, useDPoP)
		var oe *OAuthError
		if err == nil || !errors.As(err, &oe) || oe.StatusCode != http.StatusBadRequest {
			return tok, err
		}
		switch {
		case oe.ErrorCode == "use_dpop_nonce" && useDPoP && !nonceTried && t.dpop.nonce(nonceToken) != "":
			nonceTried = true
		case oe.ErrorCode == "invalid_dpop_proof" && !useDPoP && t.dpop != nil && !dpopTried:
			// The app is DPoP-bound: from now on every token request has a proof.
			dpopTried = true
			t.useDPoP.Store(true)
		default:
			return nil, err
		}
	}
}

// tokenResponse is the token endpoint's answer, success or error.
type tokenResponse struct {
	AccessToken      string          `json:"access_token"`
	TokenType        string          `json:"token_type"`
	ExpiresIn        json.RawMessage `json:"expires_in"`
	Scope            string          `json:"scope"`
	Error            string          `json:"error"`
	ErrorDescription string          `json:"error_description"`
}

// request makes one token request and reads its answer.
func (t *tokenClient) request(ctx context.Context, useDPoP bool) (*oauth2.Token, error) {
	req, err := t.newRequest(ctx, useDPoP)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	resp, err := t.http.Do(req)
	if err != nil {
		t.log(ctx, 0, "", start, useDPoP, err)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &OAuthError{Err: stripURL(err)}
	}
	if t.dpop != nil {
		if n := resp.Header.Get("DPoP-Nonce"); n != "" {
			t.dpop.setNonce(nonceToken, n)
		}
	}
	tok, err := t.answer(resp, start, useDPoP)
	t.log(ctx, resp.StatusCode, resp.Header.Get("X-Okta-Request-Id"), start, useDPoP, err)
	return tok, err
}

// newRequest builds a token request, with a fresh assertion and, when
// useDPoP, a fresh proof.
func (t *tokenClient) newRequest(ctx context.Context, useDPoP bool) (*http.Request, error) {
	assertion, err := t.assertion(ctx, t.endpoint)
	if err != nil {
		return nil, &OAuthError{Err: fmt.Errorf("making the client assertion: %w", err)}
	}
	form := url.Values{
		"grant_type":            {"client_credentials"},
		"scope":                 {t.scope},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {assertion},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, &OAuthError{Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", t.userAgent)
	if useDPoP {
		proof, err := t.dpop.proof(http.MethodPost, req.URL, t.dpop.nonce(nonceToken), "")
		if err != nil {
			return nil, &OAuthError{Err: fmt.Errorf("signing the DPoP proof: %w", err)}
		}
		req.Header.Set("DPoP", proof)
	}
	return req, nil
}

// answer reads and closes the token endpoint's answer: a usable token, or an
// *OAuthError saying why there is none.
func (t *tokenClient) answer(resp *http.Response, start time.Time, useDPoP bool) (*oauth2.Token, error) {
	data, rerr := readTokenBody(resp)
	oe := &OAuthError{StatusCode: resp.StatusCode, RequestID: resp.Header.Get("X-Okta-Request-Id")}
	if rerr != nil {
		oe.Err = fmt.Errorf("reading the answer: %w", rerr)
		return nil, oe
	}
	var tr tokenResponse
	jerr := json.Unmarshal(data, &tr)
	oe.ErrorCode, oe.ErrorDescription = tr.Error, tr.ErrorDescription
	switch {
	case resp.StatusCode != http.StatusOK:
		if jerr != nil || tr.Error == "" {
			oe.Err = fmt.Errorf("the answer is not an OAuth 2.0 error document: %s", excerpt(data, 200))
		}
	case jerr != nil:
		oe.Err = errors.New("the answer is not the JSON token response expected")
	case tr.AccessToken == "":
		oe.Err = errors.New("the answer has no access_token")
	case checkAccessToken(tr.AccessToken) != nil:
		oe.Err = fmt.Errorf("the answer's access_token %w", checkAccessToken(tr.AccessToken))
	case strings.EqualFold(tr.TokenType, "DPoP") && !useDPoP:
		oe.Err = errors.New("the answer is a DPoP-bound token, but no DPoP proof was sent")
	default:
		tok := &oauth2.Token{AccessToken: tr.AccessToken, TokenType: tr.TokenType}
		if tok.TokenType == "" {
			tok.TokenType = "Bearer"
		}
		if secs, err := strconv.ParseInt(strings.Trim(string(tr.ExpiresIn), `"`), 10, 64); err == nil && secs > 0 {
			tok.Expiry = start.Add(tokenLifetime(secs))
		}
		return tok.WithExtra(map[string]any{"scope": tr.Scope}), nil
	}
	return nil, oe
}

// maxTokenLifetime bounds how long a token is trusted without asking again,
// whatever expires_in says: Okta's org authorization server issues tokens
// for an hour, and custom servers for a day at most.
const maxTokenLifetime = 24 * time.Hour

// tokenLifetime is expires_in seconds as a duration, saturated at
// maxTokenLifetime (so that a huge value cannot overflow into the past).
func tokenLifetime(secs int64) time.Duration {
	if secs >= int64(maxTokenLifetime/time.Second) {
		return maxTokenLifetime
	}
	return time.Duration(secs) * time.Second
}

// maxAccessToken bounds the length of an access token: Okta's are JWTs of a
// few KiB, and every request carries one in a header.
const maxAccessToken = 16 << 10

// checkAccessToken refuses an access token that cannot be sent as it is in
// an Authorization header: empty, too long, or holding anything but visible
// ASCII (a CR or LF, a control character, a space, a non-ASCII byte).
func checkAccessToken(tok string) error {
	if tok == "" {
		return errors.New("is empty")
	}
	if len(tok) > maxAccessToken {
		return fmt.Errorf("is %d bytes long, more than the %d an access token may be", len(tok), maxAccessToken)
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c <= ' ' || c >= 0x7f {
			return fmt.Errorf("holds the byte %#02x at offset %d: an access token is visible ASCII only", c, i)
		}
	}
	return nil
}

// readTokenBody reads and closes a token endpoint answer, refusing one over
// maxTokenBody bytes.
func readTokenBody(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenBody+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTokenBody {
		return nil, fmt.Errorf("the answer is larger than %d bytes", maxTokenBody)
	}
	return data, nil
}

func (t *tokenClient) log(ctx context.Context, status int, reqID string, start time.Time, dpop bool, err error) {
	if !t.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", http.MethodPost),
		slog.String("path", tokenPath),
		slog.String("client_id", t.clientID),
		slog.Bool("dpop", dpop),
		slog.Duration("duration", time.Since(start)),
	}
	if status != 0 {
		attrs = append(attrs, slog.Int("status", status))
	}
	if reqID != "" {
		attrs = append(attrs, slog.String("request_id", reqID))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	t.logger.LogAttrs(ctx, slog.LevelDebug, "okta token request", attrs...)
}
