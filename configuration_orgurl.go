package okta

// Checking the org URL. No message quotes the URL's user info (a password,
// often): every message shows the URL as withoutUserInfo makes it.

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

const orgURLExample = "https://dev-123456.okta.com"

// parseOrgURL checks an org URL and returns it as scheme://host[:port].
func parseOrgURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	shown := withoutUserInfo(raw)
	if raw == "" {
		return nil, fmt.Errorf("org URL is missing: set OKTA_CLIENT_ORGURL, okta.client.orgUrl in okta.yaml, or WithOrgURL(%q)", orgURLExample)
	}
	if strings.Contains(raw, "{") {
		return nil, fmt.Errorf("org URL %q still holds a placeholder: replace it with your org's URL, such as %s", shown, orgURLExample)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		// url.Parse's message quotes the whole URL, password included: leave it out.
		return nil, fmt.Errorf("org URL %q is not an absolute URL: use scheme and host, such as %s", shown, orgURLExample)
	}
	if u.User != nil {
		bare := *u
		bare.User = nil
		return nil, fmt.Errorf("org URL %q carries user info: remove it (%s) and pass credentials with WithAPIToken", shown, bare.String())
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return nil, fmt.Errorf("org URL %q has a path, query or fragment: use only scheme and host (and port), such as %s", raw, orgURLExample)
	}
	if err := checkPort(u); err != nil {
		return nil, fmt.Errorf("org URL %q %w", raw, err)
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

// checkPort refuses a port that no request could use: empty after its colon,
// 0, or above 65535. (url.Parse has refused one that is not digits.)
func checkPort(u *url.URL) error {
	if strings.HasSuffix(u.Host, ":") {
		return fmt.Errorf("has an empty port: remove the colon, or give the port, such as %s:8443", orgURLExample)
	}
	p := u.Port()
	if p == "" {
		return nil
	}
	if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("has port %s: use a port from 1 to 65535, or none for the scheme's default", p)
	}
	return nil
}

// withoutUserInfo returns raw with anything before an @ in its authority
// (user:password@) replaced by REDACTED, whether or not raw parses as a URL.
// It errs on the side of hiding: everything from after "//" (or the start) up
// to the last @ is hidden, even an @ in a path.
func withoutUserInfo(raw string) string {
	at := strings.LastIndex(raw, "@")
	if at < 0 {
		return raw
	}
	start := 0
	if i := strings.Index(raw, "//"); i >= 0 && i < at {
		start = i + 2
	}
	return raw[:start] + "REDACTED" + raw[at:]
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
