package oktatest

// Links are built on Server.URL. A request that reached the server by
// another name (a container's service name, localhost for 127.0.0.1, a
// port mapping) gets them on the origin it reached instead, so that a
// client refusing links to other origins can follow them: the writer below
// rebases the Link and Location headers and the JSON members "href" and
// "issuer" of the answer. A server given WithURL always uses that URL.

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// WithURL makes u (such as "http://okta-emulator:8080", or an https URL
// of a proxy in front of the server) the server's URL: the base of every
// link it answers with, whatever Host a request names. Use it when clients
// reach the server by a name the listener's address does not tell. It
// panics if u is not an http or https URL without path, query or user.
func WithURL(u string) Option {
	base, err := parseBaseURL(u)
	if err != nil {
		panic("oktatest: WithURL: " + err.Error())
	}
	return func(c *config) { c.url = base }
}

// parseBaseURL checks an origin URL and returns it without a trailing "/".
func parseBaseURL(u string) (string, error) {
	p, err := url.Parse(u)
	switch {
	case err != nil:
		return "", fmt.Errorf("%q is not a URL", u)
	case p.Scheme != "http" && p.Scheme != "https":
		return "", fmt.Errorf("%q is not an http or https URL", u)
	case p.User != nil || p.RawQuery != "" || p.Fragment != "" || (p.Path != "" && p.Path != "/"):
		return "", fmt.Errorf("%q must be an origin only, without user, path, query or fragment", u)
	case !validHost(p.Host):
		return "", fmt.Errorf("%q has no valid host", u)
	}
	return p.Scheme + "://" + p.Host, nil
}

// listenerURL is the URL of a listener's address; an unspecified address
// (":8080" listens on "[::]:8080") is reached on loopback.
func listenerURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// validHost reports whether h is host[:port] with a DNS name, an IPv4
// address or a bracketed IPv6 address (no zone), and a port in 1..65535:
// nothing that could end a URL or a header value early.
func validHost(h string) bool {
	if h == "" || len(h) > 262 {
		return false
	}
	host := h
	if hp, port, err := net.SplitHostPort(h); err == nil {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || strings.TrimLeft(port, "0123456789") != "" {
			return false
		}
		host = hp
		if strings.HasPrefix(h, "[") { // SplitHostPort strips the brackets
			host = "[" + host + "]"
		}
	}
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		ip, err := netip.ParseAddr(host[1 : len(host)-1])
		return err == nil && ip.Is6() && ip.Zone() == ""
	}
	for _, c := range host {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return !strings.HasPrefix(host, ".") && !strings.HasPrefix(host, "-")
}

// originOf is the origin a request reached: Server.URL if the server was
// given WithURL or the request's Host is not valid, else http://<Host>.
func (s *Server) originOf(r *http.Request) string {
	if s.fixedURL || !validHost(r.Host) {
		return s.URL
	}
	return "http://" + strings.ToLower(r.Host)
}

// rebaseWriter rebases the links of an answer from one origin to another.
type rebaseWriter struct {
	http.ResponseWriter
	from, to    string
	wroteHeader bool
}

func (w *rebaseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *rebaseWriter) WriteHeader(status int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		h := w.Header()
		for _, name := range []string{"Link", "Location"} {
			vs := h.Values(name)
			for i, v := range vs {
				vs[i] = w.rebaseString(v)
			}
		}
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *rebaseWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// rebaseString rebases s if it is the origin, a URL on it, or a Link
// header value "<URL on it>; ...".
func (w *rebaseWriter) rebaseString(s string) string {
	for _, prefix := range []string{"", "<"} {
		rest, ok := strings.CutPrefix(s, prefix+w.from)
		if ok && (rest == "" || rest[0] == '/' || rest[0] == '?' || rest[0] == '>') {
			return prefix + w.to + rest
		}
	}
	return s
}

// rebase returns v with the "href" and "issuer" members at any depth
// rebased. It never writes to v: what changes is copied, so that values
// shared with the org's state stay as they are.
func (w *rebaseWriter) rebase(v any) any {
	switch v := v.(type) {
	case map[string]any:
		var out map[string]any
		for k, x := range v {
			var nx any
			if s, ok := x.(string); ok && (k == "href" || k == "issuer") {
				nx = w.rebaseString(s)
			} else if isContainer(x) {
				nx = w.rebase(x)
			} else {
				continue
			}
			if out == nil {
				out = make(map[string]any, len(v))
				for k2, x2 := range v {
					out[k2] = x2
				}
			}
			out[k] = nx
		}
		if out == nil {
			return v
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = w.rebase(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = w.rebase(x)
		}
		return out
	}
	return v
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any, []map[string]any:
		return true
	}
	return false
}
