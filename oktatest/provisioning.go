package oktatest

import (
	"net/http"
)

// connection is an app's default provisioning connection.
type connection struct {
	authScheme string // UNKNOWN until set, then TOKEN
	status     string // DISABLED or ENABLED
	token      string
	baseURL    any // the baseUrl sent, or null
}

const (
	featureUserProvisioning    = "USER_PROVISIONING"
	featureInboundProvisioning = "INBOUND_PROVISIONING"
)

func (s *Server) renderConnection(a *app) map[string]any {
	base := s.href("api", "v1", "apps", a.id, "connections", "default")
	links := map[string]any{"self": link(base, "GET", "POST")}
	if a.conn.status == "ENABLED" {
		links["deactivate"] = link(base+"/lifecycle/deactivate", "POST")
	} else {
		links["activate"] = link(base+"/lifecycle/activate", "POST")
	}
	return map[string]any{
		"authScheme": a.conn.authScheme,
		"baseUrl":    a.conn.baseURL,
		"profile":    map[string]any{"authScheme": a.conn.authScheme},
		"status":     a.conn.status,
		"_links":     links,
	}
}

func (s *Server) getProvisioningConnection(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		s.writeJSON(w, http.StatusOK, s.renderConnection(a))
	})
}

// setProvisioningConnection answers 200, as Okta does (the spec says 201).
func (s *Server) setProvisioningConnection(w http.ResponseWriter, r *http.Request, c *call) {
	activate, err := parseBool(r, "activate", false)
	if err != nil {
		s.writeError(w, err)
		return
	}
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	profile, bad := getObject(doc, "profile")
	baseURL, hasBase, badBase := getString(doc, "baseUrl")
	if bad || badBase {
		s.writeError(w, malformed())
		return
	}
	s.withApp(w, r, func(a *app) {
		if profile == nil {
			s.writeError(w, invalid("profile", "Property is required."))
			return
		}
		scheme, _, bad1 := getString(profile, "authScheme")
		token, _, bad2 := getString(profile, "token")
		switch {
		case bad1 || bad2:
			s.writeError(w, malformed())
			return
		case scheme != "TOKEN":
			s.writeError(w, invalid("profile.authScheme", "'"+scheme+"' is not a supported authentication scheme."))
			return
		case token == "":
			s.writeError(w, invalid("profile.token", "Property is required."))
			return
		}
		a.conn.authScheme, a.conn.token = scheme, token
		if hasBase {
			a.conn.baseURL = baseURL
		}
		if activate {
			a.conn.status = "ENABLED"
		}
		if a.provFeature == nil {
			a.provFeature = defaultProvisioningCapabilities()
		}
		s.writeJSON(w, http.StatusOK, s.renderConnection(a))
	})
}

func (s *Server) activateProvisioningConnection(w http.ResponseWriter, r *http.Request, c *call) {
	s.setConnectionStatus(w, r, "ENABLED")
}

func (s *Server) deactivateProvisioningConnection(w http.ResponseWriter, r *http.Request, c *call) {
	s.setConnectionStatus(w, r, "DISABLED")
}

func (s *Server) setConnectionStatus(w http.ResponseWriter, r *http.Request, status string) {
	s.withApp(w, r, func(a *app) {
		if a.conn.authScheme == "UNKNOWN" {
			s.writeError(w, invalid("connection", "The app has no provisioning connection to change."))
			return
		}
		a.conn.status = status
		noContent(w)
	})
}

func defaultProvisioningCapabilities() map[string]any {
	disabled := func() map[string]any { return map[string]any{"status": "DISABLED"} }
	return map[string]any{
		"create": map[string]any{"lifecycleCreate": disabled()},
		"update": map[string]any{
			"profile":             disabled(),
			"lifecycleDeactivate": disabled(),
			"password":            map[string]any{"status": "DISABLED", "seed": "RANDOM", "change": "KEEP_EXISTING"},
		},
	}
}

// defaultInboundCapabilities are INBOUND_PROVISIONING's settings before any
// client changes them: imports by user name, on no schedule, confirming
// nothing on their own.
func defaultInboundCapabilities() map[string]any {
	return map[string]any{
		"importSettings": map[string]any{
			"username": map[string]any{"usernameFormat": "EMAIL"},
			"schedule": map[string]any{"status": "DISABLED"},
		},
		"importRules": map[string]any{
			"userCreateAndMatch": map[string]any{
				"exactMatchCriteria": "USERNAME", "allowPartialMatch": false,
				"autoConfirmPartialMatch": false, "autoConfirmExactMatch": false,
				"autoConfirmNewUsers": false, "autoActivateNewUsers": false,
			},
		},
	}
}

var featureDescriptions = map[string]string{
	featureUserProvisioning:    "User provisioning settings from Okta to a downstream application",
	featureInboundProvisioning: "In-bound provisioning settings from an application to Okta",
}

// features are the app's features by name; a feature the app has not is
// absent.
func (a *app) features() map[string]map[string]any {
	m := map[string]map[string]any{}
	if a.provFeature != nil {
		m[featureUserProvisioning] = a.provFeature
	}
	if a.inFeature != nil {
		m[featureInboundProvisioning] = a.inFeature
	}
	return m
}

func (s *Server) renderFeature(a *app, name string) map[string]any {
	status := "DISABLED"
	if a.conn.status == "ENABLED" {
		status = "ENABLED"
	}
	return map[string]any{
		"name":         name,
		"status":       status,
		"description":  featureDescriptions[name],
		"capabilities": deepCopy(a.features()[name]),
		"_links": map[string]any{
			"self": link(s.href("api", "v1", "apps", a.id, "features", name), "GET", "PUT"),
		},
	}
}

func (s *Server) listFeatures(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		out := []any{}
		for _, name := range []string{featureUserProvisioning, featureInboundProvisioning} {
			if a.features()[name] != nil {
				out = append(out, s.renderFeature(a, name))
			}
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// withFeature is withApp for the feature a request names: an app with no
// feature answers 404, one with features but not this known one 401
// E0000015, as Okta does for a feature without permission.
func (s *Server) withFeature(w http.ResponseWriter, r *http.Request, f func(*app, string)) {
	s.withApp(w, r, func(a *app) {
		name := r.PathValue("name")
		have := a.features()
		switch {
		case have[name] != nil:
			f(a, name)
		case len(have) > 0 && featureDescriptions[name] != "":
			s.writeError(w, featureNotEnabled())
		default:
			s.writeError(w, notFound(name, "AppFeature"))
		}
	})
}

func (s *Server) getFeature(w http.ResponseWriter, r *http.Request, c *call) {
	s.withFeature(w, r, func(a *app, name string) {
		s.writeJSON(w, http.StatusOK, s.renderFeature(a, name))
	})
}

// updateFeature merges the capabilities sent into the feature's.
func (s *Server) updateFeature(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	if err := checkCapabilities("", doc); err != nil {
		s.writeError(w, err)
		return
	}
	s.withFeature(w, r, func(a *app, name string) {
		merge(a.features()[name], doc)
		s.writeJSON(w, http.StatusOK, s.renderFeature(a, name))
	})
}

// checkCapabilities refuses status members other than ENABLED and DISABLED
// anywhere in a CapabilitiesObject.
func checkCapabilities(path string, m map[string]any) *apiError {
	for k, v := range m {
		p := k
		if path != "" {
			p = path + "." + k
		}
		switch v := v.(type) {
		case map[string]any:
			if err := checkCapabilities(p, v); err != nil {
				return err
			}
		case string:
			if k == "status" && v != "ENABLED" && v != "DISABLED" {
				return invalid(p, "'"+v+"' is not ENABLED or DISABLED.")
			}
		}
	}
	return nil
}

// merge copies src into dst, merging nested objects.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sv, ok := v.(map[string]any); ok {
			if dv, ok := dst[k].(map[string]any); ok {
				merge(dv, sv)
				continue
			}
		}
		dst[k] = deepCopy(v)
	}
}
