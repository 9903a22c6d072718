package okta

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strings"
)

// Link is one link-value of a Link header (RFC 8288).
type Link struct {
	URL    string            // the target, as written
	Rels   []string          // the rel parameter's relation types, lower-cased
	Params map[string]string // every parameter, names lower-cased, values unquoted
}

// ParseLinks parses Link header values: each element of values is one header
// line, and a line may hold several comma-separated links. Malformed links are
// skipped; the well-formed ones around them are kept.
func ParseLinks(values []string) []Link {
	var links []Link
	for _, v := range values {
		p := linkParser{s: v}
		for !p.done() {
			if l, ok := p.link(); ok {
				links = append(links, l)
			}
		}
	}
	return links
}

// nextLink returns the rel="next" target of Link header values, resolved
// against the request's URL, or nil.
func nextLink(values []string, base *url.URL) *url.URL {
	for _, l := range ParseLinks(values) {
		for _, r := range l.Rels {
			if r != "next" {
				continue
			}
			u, err := url.Parse(l.URL)
			if err != nil {
				break
			}
			if base != nil {
				u = base.ResolveReference(u)
			}
			return u
		}
	}
	return nil
}

type linkParser struct {
	s string
	i int
}

func (p *linkParser) done() bool {
	p.space()
	for p.i < len(p.s) && p.s[p.i] == ',' {
		p.i++
		p.space()
	}
	return p.i >= len(p.s)
}

func (p *linkParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// skip moves past the rest of a malformed link-value: to the next comma that is
// outside quotes and angle brackets.
func (p *linkParser) skip() {
	inQuote, inAngle := false, false
	for ; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; {
		case inQuote && c == '\\':
			p.i++
		case c == '"' && !inAngle:
			inQuote = !inQuote
		case c == '<' && !inQuote:
			inAngle = true
		case c == '>' && !inQuote:
			inAngle = false
		case c == ',' && !inQuote && !inAngle:
			return
		}
	}
}

func (p *linkParser) link() (Link, bool) {
	if p.s[p.i] != '<' {
		p.skip()
		return Link{}, false
	}
	end := strings.IndexByte(p.s[p.i:], '>')
	if end < 0 {
		p.i = len(p.s)
		return Link{}, false
	}
	l := Link{URL: strings.TrimSpace(p.s[p.i+1 : p.i+end]), Params: map[string]string{}}
	p.i += end + 1
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] == ',' {
			break
		}
		if p.s[p.i] != ';' {
			p.skip()
			return Link{}, false
		}
		p.i++
		p.space()
		start := p.i
		for p.i < len(p.s) && isTokenChar(p.s[p.i]) {
			p.i++
		}
		name := strings.ToLower(p.s[start:p.i])
		if name == "" {
			p.skip()
			return Link{}, false
		}
		p.space()
		value := ""
		if p.i < len(p.s) && p.s[p.i] == '=' {
			p.i++
			p.space()
			var ok bool
			if value, ok = p.value(); !ok {
				p.skip()
				return Link{}, false
			}
		}
		if _, dup := l.Params[name]; !dup { // RFC 8288: the first occurrence counts
			l.Params[name] = value
		}
	}
	if rel, ok := l.Params["rel"]; ok {
		l.Rels = strings.Fields(strings.ToLower(rel))
	}
	return l, true
}

// value reads a token or a quoted-string.
func (p *linkParser) value() (string, bool) {
	if p.i < len(p.s) && p.s[p.i] == '"' {
		var b strings.Builder
		for p.i++; p.i < len(p.s); p.i++ {
			c := p.s[p.i]
			switch c {
			case '\\':
				p.i++
				if p.i < len(p.s) {
					b.WriteByte(p.s[p.i])
				}
			case '"':
				p.i++
				return b.String(), true
			default:
				b.WriteByte(c)
			}
		}
		return "", false // unterminated
	}
	// An unquoted value is read up to the next delimiter, a little more
	// leniently than RFC 8288's token: servers write type=text/html unquoted.
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(" \t;,\"", rune(p.s[p.i])) {
		p.i++
	}
	return p.s[start:p.i], p.i > start
}

func isTokenChar(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune(`()<>@,;:\"/[]?={}`, rune(c))
}

// listAll walks every page of a list operation: the first page as cl asks,
// then each rel="next" link, with ctx on every request. A link to another
// origin is not requested (ErrCrossOriginLink is yielded); a cursor already
// seen ends the walk.
func listAll[T any](ctx context.Context, c *APIClient, cl call) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		seen := map[string]bool{}
		if after := cl.query["after"]; len(after) > 0 {
			seen[after[0]] = true
		}
		for {
			page, resp, err := doList[T](ctx, c, cl)
			if err != nil {
				yield(nil, err)
				return
			}
			for i := range page {
				if !yield(&page[i], nil) {
					return
				}
			}
			if resp.next == nil {
				return
			}
			if !sameOrigin(resp.next, c.cfg.orgURL) {
				yield(nil, fmt.Errorf("%w: %s answered with a next link to %s://%s, the org is %s", ErrCrossOriginLink, cl.op, resp.next.Scheme, resp.next.Host, c.cfg.orgURL))
				return
			}
			key := resp.NextAfter
			if key == "" {
				key = resp.next.String()
			}
			if seen[key] {
				return // the server handed back a cursor it was given: the walk is done
			}
			seen[key] = true
			bucket := cl.bucket
			if bucket == "" {
				bucket = bucketKey(cl.path)
			}
			cl = call{op: cl.op, method: cl.method, header: cl.header, next: resp.next, bucket: bucket}
		}
	}
}
