package oktatest

// OAuth 2.0 client JSON Web Keys of an OIDC app (/credentials/jwks): the
// public keys the app's client signs its assertions with (use "sig") or
// that ID tokens are encrypted to (use "enc"). They are the keys of the
// app's settings.oauthClient.jwks, which every change here rewrites.

import (
	"encoding/base64"
	"net/http"
	"slices"
	"time"
)

// clientJWK is one of an app's client keys. material holds the key's
// public members (e and n, or crv, x and y) as sent.
type clientJWK struct {
	id, kid, kty, use, alg, status string
	material                       map[string]any
	created, lastUpdated           time.Time
}

const (
	maxClientJWKs = 50 // keys per app
	useSig        = "sig"
	useEnc        = "enc"
)

// jwkMembers are the public key members a key of each kty has; the first
// ones are required.
var jwkMembers = map[string]struct{ required, optional []string }{
	"RSA": {required: []string{"e", "n"}},
	"EC":  {required: []string{"x", "y"}, optional: []string{"crv"}},
}

// jwksOf returns a's client keys: those of its settings.oauthClient.jwks,
// which a replaceApplication may have changed since the last look. Keys
// keep their id and timestamps from look to look; a key without an id gets
// one, written back. Entries that are not keys stay in the settings as they
// are. The caller holds s.mu.
func (s *Server) jwksOf(a *app) *appExtras {
	x := s.extras(a)
	settings, _ := a.doc["settings"].(map[string]any)
	oc, _ := settings["oauthClient"].(map[string]any)
	set, _ := oc["jwks"].(map[string]any)
	entries, _ := set["keys"].([]any)
	prev := map[string]*clientJWK{}
	for _, k := range x.jwks {
		prev[k.id] = k
	}
	x.jwks, x.jwksOther = nil, nil
	assigned := false
	for _, e := range entries {
		m, _ := e.(map[string]any)
		key, err := parseJWK(m)
		if m == nil || err != nil {
			x.jwksOther = append(x.jwksOther, e)
			continue
		}
		key.id, _ = m["id"].(string)
		if old, ok := prev[key.id]; ok && key.id != "" {
			key.created, key.lastUpdated = old.created, old.lastUpdated
		} else {
			if key.id == "" {
				key.id, assigned = s.newID(prefixJWK), true
			}
			key.created, key.lastUpdated = a.lastUpdated, a.lastUpdated
		}
		x.jwks = append(x.jwks, key)
	}
	if assigned {
		syncJWKs(a, x)
	}
	return x
}

// syncJWKs writes a's client keys back into settings.oauthClient.jwks. The
// caller holds s.mu.
func syncJWKs(a *app, x *appExtras) {
	keys := make([]any, 0, len(x.jwks)+len(x.jwksOther))
	for _, k := range x.jwks {
		keys = append(keys, k.public())
	}
	keys = append(keys, x.jwksOther...)
	object(object(object(a.doc, "settings"), "oauthClient"), "jwks")["keys"] = keys
}

// parseJWK validates a key sent to addJwk (or found in the app's settings).
func parseJWK(m map[string]any) (*clientJWK, *apiError) {
	str := func(k string) (string, bool, *apiError) {
		v, ok, bad := getString(m, k)
		if bad {
			return "", false, malformed()
		}
		return v, ok, nil
	}
	k := &clientJWK{material: map[string]any{}}
	fields := []struct {
		name string
		dst  *string
		def  string
	}{{"kid", &k.kid, ""}, {"kty", &k.kty, ""}, {"use", &k.use, useSig}, {"alg", &k.alg, ""}, {"status", &k.status, statusActive}}
	for _, f := range fields {
		v, ok, e := str(f.name)
		if e != nil {
			return nil, e
		}
		*f.dst = f.def
		if ok {
			*f.dst = v
		}
	}
	members, known := jwkMembers[k.kty]
	switch {
	case k.kty == "":
		return nil, invalid("kty", "Property is required.")
	case !known:
		return nil, invalid("kty", "'"+k.kty+"' is not a supported key type: use RSA or EC.")
	case k.use != useSig && k.use != useEnc:
		return nil, invalid("use", "'"+k.use+"' is not a valid use: use sig or enc.")
	case k.use == useEnc && k.kty != "RSA":
		return nil, invalid("kty", "An encryption key must be an RSA key.")
	case k.status != statusActive && k.status != statusInactive:
		return nil, invalid("status", "'"+k.status+"' is not a valid status: use ACTIVE or INACTIVE.")
	}
	for _, name := range members.required {
		v, ok, e := str(name)
		if e != nil {
			return nil, e
		}
		if _, derr := base64.RawURLEncoding.DecodeString(v); !ok || v == "" || derr != nil {
			return nil, invalid(name, "Property is required, as base64url.")
		}
		k.material[name] = v
	}
	for _, name := range members.optional {
		if v, ok, e := str(name); e != nil {
			return nil, e
		} else if ok {
			k.material[name] = v
		}
	}
	return k, nil
}

// public is the key as it appears in the app's JWKS.
func (k *clientJWK) public() map[string]any {
	out := copyDoc(k.material)
	out["id"] = k.id
	out["kty"] = k.kty
	out["use"] = k.use
	out["status"] = k.status
	if k.kid != "" {
		out["kid"] = k.kid
	} else {
		out["kid"] = nil
	}
	if k.alg != "" {
		out["alg"] = k.alg
	}
	return out
}

func (s *Server) renderJWK(a *app, k *clientJWK) map[string]any {
	out := k.public()
	out["created"] = formatTime(k.created)
	out["lastUpdated"] = formatTime(k.lastUpdated)
	self := s.href("api", "v1", "apps", a.id, "credentials", "jwks", k.id)
	links := map[string]any{}
	if k.status == statusActive {
		links["deactivate"] = link(self+"/lifecycle/deactivate", "POST")
	} else {
		links["activate"] = link(self+"/lifecycle/activate", "POST")
		links["delete"] = link(self, "DELETE")
	}
	out["_links"] = links
	return out
}

func (s *Server) listJWKs(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		out := []any{}
		for _, k := range s.jwksOf(a).jwks {
			out = append(out, s.renderJWK(a, k))
		}
		s.writeJSON(w, http.StatusOK, map[string]any{"keys": out})
	})
}

// addJwk adds a key to an OIDC app. Once an app has keys, every key needs a
// kid, unique in the app. An ACTIVE encryption key replaces the active one.
func (s *Server) addJWK(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	k, err := parseJWK(doc)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		x := s.jwksOf(a)
		switch {
		case !isOIDC(a):
			err = invalid("jwks", "Only OIDC apps have client JSON Web Keys.")
		case len(x.jwks) >= maxClientJWKs:
			err = invalid("jwks", "An app can have at most 50 JSON Web Keys.")
		case slices.ContainsFunc(x.jwks, func(o *clientJWK) bool { return o.kid == "" }):
			err = invalid("kid", "A key of this app has no kid: every key needs one before another is added.")
		case k.kid == "" && len(x.jwks) > 0:
			err = invalid("kid", "Property is required when the app has other keys.")
		case k.kid != "" && slices.ContainsFunc(x.jwks, func(o *clientJWK) bool { return o.kid == k.kid }):
			err = invalid("kid", "The app already has a key with kid '"+k.kid+"'.")
		}
		if err != nil {
			s.writeError(w, err)
			return
		}
		now := s.now()
		k.id, k.created, k.lastUpdated = s.newID(prefixJWK), now, now
		if k.use == useEnc && k.status == statusActive {
			deactivateEncKeys(x, now)
		}
		x.jwks = append(x.jwks, k)
		syncJWKs(a, x)
		s.writeJSON(w, http.StatusCreated, s.renderJWK(a, k))
	})
}

// deactivateEncKeys deactivates the app's active encryption key: an app has
// at most one.
func deactivateEncKeys(x *appExtras, now time.Time) {
	for _, o := range x.jwks {
		if o.use == useEnc && o.status == statusActive {
			o.status, o.lastUpdated = statusInactive, now
		}
	}
}

// withJWK runs f, holding s.mu, on the app and the key the request's appId
// and keyId name, or answers 404.
func (s *Server) withJWK(w http.ResponseWriter, r *http.Request, f func(*app, *appExtras, *clientJWK)) {
	withChild(s, w, r, child[clientJWK]{
		extras: (*Server).jwksOf,
		list:   func(x *appExtras) []*clientJWK { return x.jwks },
		param:  "keyId", kind: "OAuth2ClientJsonWebKey",
		id: func(v *clientJWK) string { return v.id },
	}, f)
}

func (s *Server) getJWK(w http.ResponseWriter, r *http.Request, c *call) {
	s.withJWK(w, r, func(a *app, _ *appExtras, k *clientJWK) {
		s.writeJSON(w, http.StatusOK, s.renderJWK(a, k))
	})
}

// deletejwk removes an INACTIVE key; an ACTIVE one must be deactivated
// first.
func (s *Server) deleteJWK(w http.ResponseWriter, r *http.Request, c *call) {
	s.withJWK(w, r, func(a *app, x *appExtras, k *clientJWK) {
		if k.status == statusActive {
			s.writeError(w, invalid("status", "An ACTIVE JSON Web Key cannot be deleted: deactivate it first."))
			return
		}
		x.jwks = without(x.jwks, k)
		syncJWKs(a, x)
		noContent(w)
	})
}

// activateOAuth2ClientJsonWebKey activates a key; activating an encryption
// key deactivates the app's active one.
func (s *Server) activateJWK(w http.ResponseWriter, r *http.Request, c *call) {
	s.withJWK(w, r, func(a *app, x *appExtras, k *clientJWK) {
		if k.status != statusActive {
			now := s.now()
			if k.use == useEnc {
				deactivateEncKeys(x, now)
			}
			k.status, k.lastUpdated = statusActive, now
			syncJWKs(a, x)
		}
		s.writeJSON(w, http.StatusOK, s.renderJWK(a, k))
	})
}

// deactivateOAuth2ClientJsonWebKey deactivates a key, unless it is the last
// ACTIVE signing key of an app whose client authenticates with
// private_key_jwt: the client could no longer authenticate.
func (s *Server) deactivateJWK(w http.ResponseWriter, r *http.Request, c *call) {
	s.withJWK(w, r, func(a *app, x *appExtras, k *clientJWK) {
		if k.status == statusActive {
			method, _ := oauthClientOf(a)["token_endpoint_auth_method"].(string)
			others := slices.ContainsFunc(x.jwks, func(o *clientJWK) bool {
				return o != k && o.use == useSig && o.status == statusActive
			})
			if k.use == useSig && method == "private_key_jwt" && !others {
				s.writeError(w, invalid("status", "The last ACTIVE signing key of a private_key_jwt client cannot be deactivated."))
				return
			}
			k.status, k.lastUpdated = statusInactive, s.now()
			syncJWKs(a, x)
		}
		s.writeJSON(w, http.StatusOK, s.renderJWK(a, k))
	})
}
