package okta

// The authorizer of OAuth 2.0 configurations: access tokens (Bearer or DPoP)
// on each request, and WWW-Authenticate challenges read from each answer.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// oauthAuth authorizes requests with access tokens.
type oauthAuth struct {
	cache *tokenCache
	dpop  *dpopProver // nil: tokens are sent as Bearer
}

// newOAuthAuth builds the authorizer of an OAuth 2.0 configuration. hc is the
// configured client; it is copied, not modified.
func newOAuthAuth(cfg *Configuration, userAgent string) (*oauthAuth, error) {
	a := cfg.auth
	if a.mode == AuthorizationModeBearer {
		return &oauthAuth{cache: &tokenCache{now: time.Now, fetch: tokenSourceFetch(a.tokenSource)}}, nil
	}
	assertion := a.assertion
	if assertion == nil {
		var err error
		if assertion, err = newAssertionFunc(a); err != nil {
			return nil, err
		}
	}
	hc := *cfg.httpClient
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	tc := &tokenClient{
		http:      &hc,
		endpoint:  cfg.orgURL.String() + tokenPath,
		clientID:  a.clientID,
		scope:     strings.Join(a.scopes, " "),
		assertion: assertion,
		userAgent: userAgent,
		logger:    cfg.logger,
	}
	out := &oauthAuth{}
	if a.dpop == nil || *a.dpop {
		p, err := newDPoPProver()
		if err != nil {
			return nil, err
		}
		tc.dpop, out.dpop = p, p
		tc.useDPoP.Store(a.dpop != nil)
	}
	out.cache = &tokenCache{fetch: tc.fetch, now: time.Now}
	return out, nil
}

// tokenSourceFetch gets tokens from a TokenSource (authorization mode
// Bearer), refusing one that cannot be sent as it is.
func tokenSourceFetch(ts oauth2.TokenSource) func(context.Context) (*oauth2.Token, error) {
	return func(context.Context) (*oauth2.Token, error) {
		tok, err := ts.Token()
		if err != nil {
			return nil, fmt.Errorf("the token source: %w", err)
		}
		if tok == nil || tok.AccessToken == "" {
			return nil, errors.New("the token source returned no access token")
		}
		if err := checkAccessToken(tok.AccessToken); err != nil {
			return nil, fmt.Errorf("the token source's access token %w", err)
		}
		return &oauth2.Token{AccessToken: tok.AccessToken, TokenType: "Bearer", Expiry: tok.Expiry}, nil
	}
}

func (a *oauthAuth) authorize(r *http.Request) (string, error) {
	tok, err := a.cache.token(r.Context())
	if err != nil {
		return "", err
	}
	if a.dpop != nil && strings.EqualFold(tok.TokenType, "DPoP") {
		proof, err := a.dpop.proof(r.Method, r.URL, a.dpop.nonce(nonceAPI), tok.AccessToken)
		if err != nil {
			return "", fmt.Errorf("signing the DPoP proof: %w", err)
		}
		r.Header.Set("Authorization", "DPoP "+tok.AccessToken)
		r.Header.Set("DPoP", proof)
		return tok.AccessToken, nil
	}
	r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return tok.AccessToken, nil
}

// observe notes the server's DPoP nonce and, when the server refused the
// access token sent, drops it from the cache unless another request has
// already replaced it.
func (a *oauthAuth) observe(resp *http.Response, sent string) {
	if a.dpop != nil {
		if n := resp.Header.Get("DPoP-Nonce"); n != "" {
			a.dpop.setNonce(nonceAPI, n)
		}
	}
	if sent != "" && resp.StatusCode == http.StatusUnauthorized && challengeError(resp.Header) == "invalid_token" {
		a.cache.drop(sent)
	}
}

func (a *oauthAuth) retry(resp *http.Response) authRetry {
	if resp.StatusCode != http.StatusUnauthorized {
		return 0
	}
	switch challengeError(resp.Header) {
	case "use_dpop_nonce":
		if a.dpop != nil && resp.Header.Get("DPoP-Nonce") != "" {
			return retryNonce
		}
	case "invalid_token":
		return retryToken
	}
	return 0
}

// challengeError returns the error parameter of a WWW-Authenticate challenge
// (Bearer or DPoP), such as "invalid_token".
func challengeError(h http.Header) string { return challengeParam(h, "error") }

// challengeParam returns an auth-param of a WWW-Authenticate challenge, quoted
// or not, or "".
func challengeParam(h http.Header, name string) string {
	key := name + "="
	for _, v := range h.Values("WWW-Authenticate") {
		for off := 0; ; {
			i := strings.Index(v[off:], key)
			if i < 0 {
				break
			}
			i += off
			if i > 0 && v[i-1] != ' ' && v[i-1] != ',' {
				off = i + len(key)
				continue // such as my_error=
			}
			s := strings.TrimLeft(v[i+len(key):], " ")
			if strings.HasPrefix(s, `"`) {
				if j := strings.IndexByte(s[1:], '"'); j >= 0 {
					return s[1 : j+1]
				}
				return s[1:]
			}
			if j := strings.IndexAny(s, ", "); j >= 0 {
				return s[:j]
			}
			return s
		}
	}
	return ""
}
