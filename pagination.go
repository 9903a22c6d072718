package okta

import (
	"context"
	"fmt"
	"iter"
	"net/url"
)

// listAll walks every page of a list operation: the first page as first asks,
// then each page the previous one's rel="next" link names, with ctx on every
// request. It backs every ...All method.
//
// Each range over the returned sequence is a walk of its own from the first
// page: the sequence may be ranged again, and by several goroutines at once.
//
// The walk ends:
//   - after a page without a next link: the list is complete;
//   - cleanly, before a page already walked: a next link back to a page of
//     this walk (its after cursor, or without one its path and query: A→A,
//     A→B→A, an empty target "<>") is a server that has nothing more, and
//     its items are not yielded twice;
//   - with an error, after the page's items, when the next link cannot be
//     followed: it leaves the org's origin (ErrCrossOriginLink; it is not
//     requested), or the Link header may name a next page but cannot be read
//     (a malformed link-value, a target that is not a URL). The walk does not
//     end as if the list were complete when it cannot know that;
//   - with the error of a page that fails, or when ctx is done.
func listAll[T any](ctx context.Context, c *APIClient, first call) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		cl := first // first is shared by every range and never changed
		seen := map[pageID]bool{}
		if cl.next != nil {
			seen[pageOf(cl.next)] = true
		}
		for {
			page, resp, err := doList[T](ctx, c, cl)
			if err != nil {
				yield(nil, err)
				return
			}
			if resp.Request != nil {
				seen[pageOf(resp.Request.URL)] = true
			}
			for i := range page {
				if !yield(&page[i], nil) {
					return
				}
			}
			next, err := followNext(c, cl.op, resp)
			if err != nil {
				yield(nil, err)
				return
			}
			if next == nil {
				return
			}
			id := pageOf(next)
			if seen[id] {
				return
			}
			seen[id] = true
			bucket := cl.bucket
			if bucket == "" {
				bucket = bucketKey(cl.path)
			}
			cl = call{op: cl.op, method: cl.method, header: cl.header, next: next, bucket: bucket}
		}
	}
}

// followNext returns the next page of a walk, nil after the last page, or
// the error that stops the walk: a next link that cannot be read, or that
// leaves the org's origin.
func followNext(c *APIClient, op string, resp *Response) (*url.URL, error) {
	next := resp.next
	if next == nil { // the last page, or a next link newResponse could not read
		var base *url.URL
		if resp.Request != nil {
			base = resp.Request.URL
		}
		var err error
		if next, err = findNext(resp.Header.Values("Link"), base); err != nil {
			return nil, unreadableNext(op, err)
		}
		if next == nil {
			return nil, nil
		}
	}
	if !sameOrigin(next, c.cfg.orgURL) {
		return nil, fmt.Errorf("%w: %s answered with a next link to %s://%s, the org is %s", ErrCrossOriginLink, op, next.Scheme, next.Host, c.cfg.orgURL)
	}
	if _, err := url.ParseQuery(next.RawQuery); err != nil { // its after cursor cannot be read
		return nil, unreadableNext(op, errNextLink)
	}
	return next, nil
}

// unreadableNext is the error of a walk stopped by a next link that cannot be
// read. It does not quote the link: its query is Okta's data, not ours to log.
func unreadableNext(op string, err error) error {
	return fmt.Errorf("okta: %s: %w: the walk stops here instead of ending as if the list were complete", op, err)
}

// pageID names the page of a list a URL asks for: Okta's after cursor, or,
// for a URL without one, its path and query (a first page).
type pageID struct {
	after string // the after cursor; "" if there is none
	page  string // escaped path and sorted query, when after is ""
}

func pageOf(u *url.URL) pageID {
	q := u.Query()
	if after := q.Get("after"); after != "" {
		return pageID{after: after}
	}
	q.Del("after") // "after=" asks for the first page too
	return pageID{page: u.EscapedPath() + "?" + q.Encode()}
}
