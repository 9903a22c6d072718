package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gatekit/okta"
)

// tokenClient asks a token endpoint of the org for client_credentials tokens,
// authenticating with a client secret (client_secret_basic).
type tokenClient struct {
	url   string
	scope string
	http  *http.Client
}

// maxTokenAnswer bounds how much of a token endpoint's answer is read.
const maxTokenAnswer = 64 << 10

// defaultScope is the custom scope asked for when SECRET_ROTATION_SCOPE is
// unset. A custom authorization server refuses Okta's okta.* scopes and the
// OpenID Connect ones for the client credentials grant.
const defaultScope = "gatekit.secret-rotation"

// newTokenClient returns a client of tokenURL, by default the token endpoint
// of the org's default custom authorization server: the org authorization
// server refuses client secrets for the client credentials grant. A tokenURL
// off the org's origin is refused: the client secret goes nowhere else.
func newTokenClient(orgURL, tokenURL, scope string) (*tokenClient, error) {
	org, err := url.Parse(orgURL)
	if err != nil {
		return nil, err
	}
	if tokenURL == "" {
		tokenURL = strings.TrimSuffix(orgURL, "/") + "/oauth2/default/v1/token"
	}
	u, err := url.Parse(tokenURL)
	if err != nil {
		return nil, fmt.Errorf("SECRET_ROTATION_TOKEN_URL: %w", err)
	}
	if !sameOrigin(u, org) {
		return nil, fmt.Errorf("SECRET_ROTATION_TOKEN_URL %s is not on the org's origin %s://%s", tokenURL, org.Scheme, org.Host)
	}
	if scope == "" {
		scope = defaultScope
	}
	return &tokenClient{url: tokenURL, scope: scope, http: &http.Client{
		Timeout: 15 * time.Second,
		// A redirect would carry the credentials elsewhere: it is an error.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}, nil
}

// tokenError is the token endpoint's refusal.
type tokenError struct {
	Status      int
	Code        string // such as "invalid_client"
	Description string
}

func (e *tokenError) Error() string {
	return fmt.Sprintf("the token endpoint answered %d %s: %s", e.Status, e.Code, e.Description)
}

// request asks for one token with clientID and secret. The token itself is
// dropped: only whether one was issued matters here.
func (c *tokenClient) request(ctx context.Context, clientID string, secret okta.Secret) error {
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {c.scope}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	// RFC 6749 section 2.3.1: both are form-encoded before Basic encoding.
	req.SetBasicAuth(url.QueryEscape(clientID), url.QueryEscape(secret.Reveal()))
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenAnswer))
	if err != nil {
		return err
	}
	var answer struct {
		AccessToken      string `json:"access_token"`
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	_ = json.Unmarshal(body, &answer) // a body that is not JSON leaves the fields empty
	if resp.StatusCode != http.StatusOK {
		return &tokenError{Status: resp.StatusCode, Code: answer.Error, Description: answer.ErrorDescription}
	}
	if answer.AccessToken == "" {
		return errors.New("the token endpoint answered 200 without an access token")
	}
	return nil
}

// attempts and pause bound the waits for a change of secret to take effect.
const (
	attempts = 10
	pause    = time.Second
)

// waitAccepted asks for tokens until the secret is accepted, a bounded
// number of times: a new secret may take a moment to reach every server.
func (c *tokenClient) waitAccepted(ctx context.Context, clientID string, secret okta.Secret) error {
	var err error
	for i := range attempts {
		if err = c.request(ctx, clientID, secret); err == nil {
			return nil
		}
		if te := (*tokenError)(nil); !errors.As(err, &te) || te.Status != http.StatusUnauthorized || i == attempts-1 {
			break
		}
		if serr := sleep(ctx, pause); serr != nil {
			return errors.Join(serr, err)
		}
	}
	return fmt.Errorf("not accepted: %w", err)
}

// waitRefused asks for tokens until the secret is refused (401
// invalid_client), a bounded number of times.
func (c *tokenClient) waitRefused(ctx context.Context, clientID string, secret okta.Secret) error {
	for range attempts {
		err := c.request(ctx, clientID, secret)
		if te := (*tokenError)(nil); errors.As(err, &te) && te.Status == http.StatusUnauthorized {
			return nil
		}
		if err != nil {
			return fmt.Errorf("expected 401 invalid_client: %w", err)
		}
		if serr := sleep(ctx, pause); serr != nil {
			return serr
		}
	}
	return fmt.Errorf("still accepted after %d attempts", attempts)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
