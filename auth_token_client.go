package okta

// The token endpoint client: the client-credentials grant with a client
// assertion, and DPoP proofs when the app needs them.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

func (t *tokenClient) request(ctx context.Context, useDPoP bool) (*oauth2.Token, error) {
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
	start := time.Now()
	resp, err := t.http.Do(req)
	if err != nil {
		t.log(ctx, 0, "", start, useDPoP, err)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &OAuthError{Err: stripURL(err)}
	}
	data, rerr := readBody(resp, true, maxTokenBody)
	oe := &OAuthError{StatusCode: resp.StatusCode, RequestID: resp.Header.Get("X-Okta-Request-Id")}
	if t.dpop != nil {
		if n := resp.Header.Get("DPoP-Nonce"); n != "" {
			t.dpop.setNonce(nonceToken, n)
		}
	}
	if rerr != nil {
		oe.Err = fmt.Errorf("reading the answer: %w", rerr)
		t.log(ctx, resp.StatusCode, oe.RequestID, start, useDPoP, oe)
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
	case strings.EqualFold(tr.TokenType, "DPoP") && !useDPoP:
		oe.Err = errors.New("the answer is a DPoP-bound token, but no DPoP proof was sent")
	default:
		tok := &oauth2.Token{AccessToken: tr.AccessToken, TokenType: tr.TokenType}
		if tok.TokenType == "" {
			tok.TokenType = "Bearer"
		}
		if secs, err := strconv.ParseInt(strings.Trim(string(tr.ExpiresIn), `"`), 10, 64); err == nil && secs > 0 {
			tok.Expiry = start.Add(time.Duration(secs) * time.Second)
		}
		tok = tok.WithExtra(map[string]any{"scope": tr.Scope})
		t.log(ctx, resp.StatusCode, oe.RequestID, start, useDPoP, nil)
		return tok, nil
	}
	t.log(ctx, resp.StatusCode, oe.RequestID, start, useDPoP, oe)
	return nil, oe
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
