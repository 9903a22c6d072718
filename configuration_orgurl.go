package okta

// Checking the org URL.

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

const orgURLExample = "https://dev-123456.okta.com"

// parseOrgURL checks an org URL and returns it as scheme://host[:port].
func parseOrgURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, fmt.Errorf("org URL is missing: set OKTA_CLIENT_ORGURL, okta.client.orgUrl in okta.yaml, or WithOrgURL(%q)", orgURLExample)
	}
	if strings.Contains(raw, "{yourOktaDomain}") || strings.Contains(raw, "{") {
		return nil, fmt.Errorf("org URL %q still holds a placeholder: replace it with your org's URL, such as %s", raw, orgURLExample)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("org URL %q is not an absolute URL: use scheme and host, such as %s", raw, orgURLExample)
	}
	if u.User != nil {
		bare := *u
		bare.User = nil
		return nil, fmt.Errorf("org URL %q carries user info: remove it (%s) and pass credentials with WithAPIToken", redactUser(u), bare.String())
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return nil, fmt.Errorf("org URL %q has a path, query or fragment: use only scheme and host (and port), such as %s", raw, orgURLExample)
	}
	host := u.Hostname()
	if strings.Contains(strings.ToLower(host), "-admin.") {
		return nil, fmt.Errorf("org URL %q is the Admin Console's address: remove \"-admin\" (%s)", raw, strings.Replace(raw, "-admin", "", 1))
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(host) {
			secure := *u
			secure.Scheme = "https"
			return nil, fmt.Errorf("org URL %q uses http: Okta requires https, such as %s (plain http is accepted only for loopback hosts, for tests)", raw, secure.String())
		}
	default:
		return nil, fmt.Errorf("org URL %q has scheme %q: use https, such as %s", raw, u.Scheme, orgURLExample)
	}
	return &url.URL{Scheme: u.Scheme, Host: strings.ToLower(u.Host)}, nil
}

func redactUser(u *url.URL) string {
	c := *u
	c.User = url.User("REDACTED")
	return c.String()
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
