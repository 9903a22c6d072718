package oktatest

// Handlers shared by the things an app holds: OAuth 2.0 tokens, scope
// consent grants, CSRs, and user and group assignments.

import "net/http"

// lookupIn finds the app a request's appId names and, in the list items
// gives of it, the first element whose id is the request's path value
// param. kind is the type a not-found error names. The caller holds s.mu.
func lookupIn[T any](s *Server, r *http.Request, param, kind string, items func(*app) []T, id func(T) string) (*app, T, *apiError) {
	var zero T
	a, err := s.lookupApp(r.PathValue("appId"))
	if err != nil {
		return nil, zero, err
	}
	want := r.PathValue(param)
	for _, x := range items(a) {
		if id(x) == want {
			return a, x, nil
		}
	}
	return nil, zero, notFound(want, kind)
}

// listAll answers the whole of a list of the app a request names, rendered,
// in one page.
func listAll[T any](s *Server, w http.ResponseWriter, r *http.Request, items func(*app) []T, render func(*app, T) map[string]any) {
	s.withApp(w, r, func(a *app) {
		out := []any{}
		for _, x := range items(a) {
			out = append(out, render(a, x))
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// getOne answers the element of an app that lookup finds, rendered.
func getOne[T any](s *Server, w http.ResponseWriter, r *http.Request, lookup func(*http.Request) (*app, T, *apiError), render func(*app, T) map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, x, err := lookup(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.writeJSON(w, http.StatusOK, render(a, x))
}

// deleteOne takes the element of an app that lookup finds out of the app
// with remove, and answers 204.
func deleteOne[T any](s *Server, w http.ResponseWriter, r *http.Request, lookup func(*http.Request) (*app, T, *apiError), remove func(*app, T)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, x, err := lookup(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	remove(a, x)
	noContent(w)
}
