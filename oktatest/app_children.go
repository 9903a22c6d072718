package oktatest

import (
	"net/http"
	"slices"
)

// child describes one kind of object kept under an app in its appExtras
// (client secrets, JWKs, federated claims, group push mappings): how to
// reach the list, the path parameter that names one, the type Okta names
// in a 404, and an item's id.
type child[T any] struct {
	extras func(*Server, *app) *appExtras // the app's extras, made ready for T
	list   func(*appExtras) []*T
	param  string // the path parameter holding the id, such as "secretId"
	kind   string // the type in Okta's 404, such as "OAuth2ClientSecret"
	id     func(*T) string
}

// withChild runs f, holding s.mu, on the app the request's appId names and
// the item of kind c its path parameter names, or answers 404 for either.
func withChild[T any](s *Server, w http.ResponseWriter, r *http.Request, c child[T], f func(*app, *appExtras, *T)) {
	s.withApp(w, r, func(a *app) {
		x := c.extras(s, a)
		id := r.PathValue(c.param)
		items := c.list(x)
		i := slices.IndexFunc(items, func(t *T) bool { return c.id(t) == id })
		if i < 0 {
			s.writeError(w, notFound(id, c.kind))
			return
		}
		f(a, x, items[i])
	})
}
