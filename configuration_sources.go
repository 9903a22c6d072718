package okta

// The conventional sources of settings: okta.yaml files and OKTA_CLIENT_*
// environment variables.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlFile is the part of okta.yaml this SDK reads.
type yamlFile struct {
	Okta struct {
		Client struct {
			OrgURL            string    `yaml:"orgUrl"`
			Token             string    `yaml:"token"`
			AuthorizationMode string    `yaml:"authorizationMode"`
			ClientID          string    `yaml:"clientId"`
			Scopes            scopeList `yaml:"scopes"`
			PrivateKey        string    `yaml:"privateKey"`
			PrivateKeyID      string    `yaml:"privateKeyId"`
			RateLimit         struct {
				MaxRetries *int `yaml:"maxRetries"`
			} `yaml:"rateLimit"`
		} `yaml:"client"`
	} `yaml:"okta"`
}

func (s *settings) loadFile(path string) {
	data, err := readSettingFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		s.problems = append(s.problems, fmt.Errorf("%s: cannot be read: %v", path, err))
		return
	}
	var f yamlFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		s.problems = append(s.problems, fmt.Errorf("%s: is not valid YAML (%v); expected okta:\\n  client:\\n    orgUrl: https://dev-123456.okta.com", path, err))
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil {
		for _, u := range unknownKeys(&doc, oktaYAMLKeys) {
			s.problems = append(s.problems, fmt.Errorf("%s: %w", path, u))
			if u.guess != "" {
				s.misnamed = append(s.misnamed, u.path[:strings.LastIndexByte(u.path, '.')+1]+u.guess)
			}
		}
	}
	c := f.Okta.Client
	s.pickMode(path, c.AuthorizationMode, c.Token, c.ClientID+c.PrivateKey, "okta.client.authorizationMode", "okta.client.token", "okta.client.clientId")
	if c.OrgURL != "" {
		s.orgURL = c.OrgURL
	}
	if c.Token != "" {
		s.apiToken = c.Token
	}
	if c.RateLimit.MaxRetries != nil {
		s.maxRetries = c.RateLimit.MaxRetries
	}
	if c.AuthorizationMode != "" {
		s.authMode = c.AuthorizationMode
	}
	if c.ClientID != "" {
		s.clientID = c.ClientID
	}
	if len(c.Scopes) > 0 {
		s.scopes = c.Scopes
	}
	if c.PrivateKey != "" {
		s.privateKey, s.keyFrom, s.assertion = c.PrivateKey, "okta.client.privateKey in "+path, nil
	}
	if c.PrivateKeyID != "" {
		s.privateKeyID = c.PrivateKeyID
	}
	s.sources = append(s.sources, path)
}

// scopeList is okta.client.scopes: a YAML list, or one string of names
// separated by commas or spaces.
type scopeList []string

func (l *scopeList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = splitScopes(n.Value)
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return fmt.Errorf("okta.client.scopes: use a list of scope names, such as [okta.apps.read, okta.apps.manage]")
	}
	*l = list
	return nil
}

// splitScopes splits a list of scope names separated by commas or white space.
func splitScopes(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

func (s *settings) loadEnv() {
	used := false
	if v := os.Getenv("OKTA_CLIENT_ORGURL"); v != "" {
		s.orgURL, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_TOKEN"); v != "" {
		s.apiToken, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_AUTHORIZATIONMODE"); v != "" {
		s.authMode, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_CLIENTID"); v != "" {
		s.clientID, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_SCOPES"); v != "" {
		s.scopes, used = splitScopes(v), true
	}
	if v := os.Getenv("OKTA_CLIENT_PRIVATEKEY"); v != "" {
		s.privateKey, s.keyFrom, s.assertion, used = v, "OKTA_CLIENT_PRIVATEKEY", nil, true
	}
	if v := os.Getenv("OKTA_CLIENT_PRIVATEKEYID"); v != "" {
		s.privateKeyID, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_RATELIMIT_MAXRETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.problems = append(s.problems, fmt.Errorf("OKTA_CLIENT_RATELIMIT_MAXRETRIES=%q is not a whole number; use e.g. 2", v))
		} else {
			s.maxRetries = &n
		}
		used = true
	}
	if used {
		s.sources = append(s.sources, "environment")
	}
	s.pickMode("the environment", os.Getenv("OKTA_CLIENT_AUTHORIZATIONMODE"), os.Getenv("OKTA_CLIENT_TOKEN"),
		os.Getenv("OKTA_CLIENT_CLIENTID")+os.Getenv("OKTA_CLIENT_PRIVATEKEY"),
		"OKTA_CLIENT_AUTHORIZATIONMODE", "OKTA_CLIENT_TOKEN", "OKTA_CLIENT_CLIENTID")
}

// modePick is the authorization mode one source of settings chose, and the
// setting that chose it, for the message when sources disagree.
type modePick struct{ by, mode string }

// pickMode records the mode a file or the environment chooses: its explicit
// authorization mode, or else the one its credentials imply (an API token:
// SSWS; a client id or private key: PrivateKey), as resolveAuth would.
func (s *settings) pickMode(source, mode, token, oauth, modeKey, tokenKey, oauthKey string) {
	switch {
	case mode != "":
		s.picks = append(s.picks, modePick{modeKey + " in " + source, mode})
	case token != "":
		s.picks = append(s.picks, modePick{tokenKey + " in " + source, AuthorizationModeSSWS})
	case oauth != "":
		s.picks = append(s.picks, modePick{oauthKey + " or its private key in " + source, AuthorizationModePrivateKey})
	}
}
