package okta

// Configuration resolution for authentication: which authorization mode a
// Configuration uses and what that mode needs, from the merged settings.

import (
	"cmp"
	"crypto"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2"
)

// authConfig is how a Configuration authenticates, once validated.
type authConfig struct {
	mode        string // one of the AuthorizationMode constants
	clientID    string
	scopes      []string
	keyID       string
	alg         jose.SignatureAlgorithm // of the client assertion
	key         crypto.Signer           // nil with an assertion func or a token source
	assertion   ClientAssertionFunc
	tokenSource oauth2.TokenSource
	dpop        *bool // nil: learn from the token endpoint; true: always; false: never
}

func (a *authConfig) describe() string {
	switch a.mode {
	case AuthorizationModePrivateKey:
		dpop := "auto"
		if a.dpop != nil {
			dpop = strconv.FormatBool(*a.dpop)
		}
		key := "[REDACTED " + string(a.alg) + " key]"
		if a.key == nil {
			key = "client assertion func"
		}
		return fmt.Sprintf("Auth: PrivateKey, ClientID: %s, Scopes: %v, PrivateKey: %s, PrivateKeyID: %q, DPoP: %s",
			a.clientID, a.scopes, key, a.keyID, dpop)
	case AuthorizationModeBearer:
		return "Auth: Bearer, TokenSource: [REDACTED]"
	}
	return "Auth: " + a.mode
}

// resolveAuth decides how the client authenticates, from the merged settings,
// and validates what that mode needs. The authorization mode decides; without
// one, an API token means SSWS (Okta's rule), and a client id or key without a
// token means PrivateKey.
func (s *settings) resolveAuth() (*authConfig, []error) {
	mode := s.authMode
	if mode == "" {
		mode = AuthorizationModeSSWS
		if s.apiToken == "" && (s.clientID != "" || s.privateKey != nil) {
			mode = AuthorizationModePrivateKey
		}
	}
	var problems []error
	a := &authConfig{dpop: s.dpop}
	switch strings.ToLower(mode) {
	case "ssws":
		a.mode = AuthorizationModeSSWS
		if err := checkToken(s.apiToken); err != nil && (s.apiToken != "" || !s.misspelled("okta.client.token")) {
			problems = append(problems, err)
		}
	case "privatekey":
		a.mode = AuthorizationModePrivateKey
		problems = append(problems, s.resolvePrivateKey(a)...)
	case "bearer":
		a.mode, a.tokenSource = AuthorizationModeBearer, s.tokenSource
		if s.tokenSource == nil {
			problems = append(problems, errors.New("authorization mode Bearer needs an oauth2.TokenSource: pass WithTokenSource(ts), "+
				"or use authorization mode PrivateKey to have the SDK get the tokens"))
		}
	default:
		problems = append(problems, fmt.Errorf("authorization mode %q is not supported: set OKTA_CLIENT_AUTHORIZATIONMODE or "+
			"okta.client.authorizationMode to SSWS (an API token) or PrivateKey (an OAuth 2.0 service app)", mode))
	}
	if a.mode != AuthorizationModePrivateKey && s.dpop != nil && *s.dpop {
		problems = append(problems, fmt.Errorf("WithDPoP(true) needs tokens the SDK requests itself (authorization mode PrivateKey, "+
			"with WithPrivateKey or WithClientAssertion), but the authorization mode is %s", a.mode))
	}
	if len(problems) > 0 {
		if err := s.modeConflict(cmp.Or(a.mode, mode)); err != nil {
			problems = append(problems, err)
		}
	}
	return a, problems
}

// modeConflict explains, when the sources of settings chose different
// authorization modes, which source chose what and which mode won: the
// likely reason the chosen mode lacks what it needs.
func (s *settings) modeConflict(used string) error {
	distinct := map[string]bool{}
	for _, p := range s.picks {
		distinct[strings.ToLower(p.mode)] = true
	}
	if len(distinct) < 2 {
		return nil
	}
	var b strings.Builder
	for i, p := range s.picks {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s chose %s", p.by, p.mode)
	}
	return fmt.Errorf("the sources of settings choose different authorization modes (%s), and %s is used: "+
		"an explicit authorization mode outranks credentials, and a later source (options, then the environment, "+
		"then ./.okta.yaml, then ~/.okta/okta.yaml) outranks an earlier one; choose the mode and its credentials in one place", b.String(), used)
}

const clientIDExample = "0oa1b2c3d4e5f6g7h8i9"

func (s *settings) resolvePrivateKey(a *authConfig) []error {
	var problems []error
	a.clientID = strings.TrimSpace(s.clientID)
	switch {
	case a.clientID == "":
		problems = append(problems, fmt.Errorf("client id is missing for authorization mode PrivateKey: set OKTA_CLIENT_CLIENTID, "+
			"okta.client.clientId in okta.yaml, or pass it to WithPrivateKey; it is the service app's Client ID, such as %s", clientIDExample))
	case strings.Contains(a.clientID, "{"):
		problems = append(problems, fmt.Errorf("client id %q still holds a placeholder: use the service app's Client ID, such as %s", a.clientID, clientIDExample))
	case strings.ContainsAny(a.clientID, " \t\r\n"):
		problems = append(problems, fmt.Errorf("client id %q contains white space: use the service app's Client ID alone, such as %s", a.clientID, clientIDExample))
	}
	for _, sc := range s.scopes {
		if sc = strings.TrimSpace(sc); sc != "" {
			a.scopes = append(a.scopes, sc)
		}
	}
	if len(a.scopes) == 0 {
		problems = append(problems, errors.New("scopes are missing for authorization mode PrivateKey: set OKTA_CLIENT_SCOPES "+
			"(such as okta.apps.read,okta.apps.manage), okta.client.scopes in okta.yaml (a list), or pass them to WithPrivateKey; "+
			"grant the same scopes to the service app in the Admin Console"))
	}
	for _, sc := range a.scopes {
		if strings.ContainsAny(sc, "\"\\{") {
			problems = append(problems, fmt.Errorf("scope %q is not a scope name: use names such as okta.apps.read", sc))
		}
	}
	a.keyID = strings.TrimSpace(s.privateKeyID)
	switch {
	case s.assertion != nil:
		a.assertion = s.assertion
	case s.privateKey == nil:
		problems = append(problems, errors.New("private key is missing for authorization mode PrivateKey: set OKTA_CLIENT_PRIVATEKEY "+
			"(a PEM key, a JWK, or the path of a file holding one), okta.client.privateKey in okta.yaml, or pass it to WithPrivateKey; "+
			"its public key must be registered with the service app"))
	default:
		key, kid, err := parsePrivateKey(s.privateKey, s.keyFrom)
		if err != nil {
			problems = append(problems, err)
			break
		}
		alg, err := signatureAlgorithm(key.Public())
		if err != nil {
			problems = append(problems, fmt.Errorf("private key (%s): %w", s.keyFrom, err))
			break
		}
		a.key, a.alg = key, alg
		if a.keyID == "" {
			a.keyID = kid
		}
	}
	return problems
}

func checkToken(tok string) error {
	switch {
	case tok == "":
		return errors.New("API token is missing: set OKTA_CLIENT_TOKEN, okta.client.token in okta.yaml, or WithAPIToken(token); create one in the Admin Console under Security > API > Tokens")
	case strings.Contains(tok, "{"):
		return errors.New("API token still holds a placeholder such as {apiToken}: replace it with the token's value")
	case strings.HasPrefix(tok, "SSWS"): // before the white space check: "SSWS 00ab..." is the common mistake
		return errors.New("API token starts with \"SSWS\": pass the token alone; the SDK adds the SSWS scheme")
	case strings.ContainsAny(tok, " \t\r\n"):
		return errors.New("API token contains white space: copy the token's value alone, without spaces or line breaks")
	case indexControl(tok) >= 0:
		i := indexControl(tok)
		return fmt.Errorf("API token holds the control character %#02x at offset %d: copy the token's value alone", tok[i], i)
	}
	return nil
}
