package main

import (
	"math/rand/v2"
	"strings"
	"time"
)

// The generator makes Okta-shaped documents from a seed. Item i depends only
// on (seed, i), so the first 2 000 apps of a 100 000-app org are the same
// 2 000 apps a 2 000-app org serves, and every run serves the same bytes
// (the base URL inside _links aside).

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// orgID is the id of the simulated org, used in ORNs.
const orgID = "00o1bench0rg5X9d7"

// logoURL is the stock logo Okta links for apps without their own.
const logoURL = "https://ok12static.oktacdn.com/assets/img/logos/default.6770228fb0dab49a1695ef440a5279bb.png"

// rng returns the random source for item i of the kind named by stream.
func rng(seed uint64, stream uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed^stream*0x9e3779b97f4a7c15, uint64(i)))
}

// oktaID returns an Okta-style 20-character id: a 3-character type prefix
// and 17 base62 characters.
func oktaID(r *rand.Rand, prefix string) string {
	var sb strings.Builder
	sb.Grow(20)
	sb.WriteString(prefix)
	for sb.Len() < 20 {
		sb.WriteByte(base62[r.IntN(len(base62))])
	}
	return sb.String()
}

// randomString returns n base62 characters.
func randomString(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = base62[r.IntN(len(base62))]
	}
	return string(b)
}

var (
	epochStart = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	epochSpan  = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(epochStart)
)

// timestamps returns a created and a later lastUpdated time in Okta's format.
func timestamps(r *rand.Rand) (created, updated string) {
	c := epochStart.Add(time.Duration(r.Int64N(int64(epochSpan))))
	u := c.Add(time.Duration(r.Int64N(int64(400 * 24 * time.Hour))))
	const layout = "2006-01-02T15:04:05.000Z"
	return c.Format(layout), u.Format(layout)
}

var (
	companies = []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka",
		"Cyberdyne", "Soylent", "Tyrell", "Aperture", "Vandelay", "Pied Piper", "Massive Dynamic", "Oscorp"}
	products = []string{"Payroll", "Expenses", "Wiki", "CRM", "Ticketing", "Analytics", "Benefits",
		"Learning Portal", "Travel", "Procurement", "Status Page", "Build Farm", "Intranet", "Data Lake",
		"Support Desk", "Contracts", "Recruiting", "Time Tracking"}
	envs  = []string{"", "", "", " (staging)", " (dev)", " EU", " US"}
	hosts = []string{"example.com", "example.org", "example.net"}
)

// appLabel returns a human-looking label and a host name for it.
func appLabel(r *rand.Rand) (label, host string) {
	c := companies[r.IntN(len(companies))]
	p := products[r.IntN(len(products))]
	label = c + " " + p + envs[r.IntN(len(envs))]
	slug := strings.ToLower(strings.NewReplacer(" ", "-", "(", "", ")", "").Replace(p))
	host = slug + "." + strings.ToLower(strings.ReplaceAll(c, " ", "")) + "." + hosts[r.IntN(len(hosts))]
	return label, host
}

// status returns ACTIVE most of the time, as in real orgs.
func status(r *rand.Rand) string {
	if r.IntN(10) == 0 {
		return "INACTIVE"
	}
	return "ACTIVE"
}

// hints is a _links hints object allowing the given methods.
func hints(methods ...string) obj {
	return obj{m("allow", methods)}
}

// appLinks returns the _links object of an app, in the order Okta sends it.
func appLinks(base, id, name, linkName, st string, withMetadata bool) obj {
	self := base + "/api/v1/apps/" + id
	links := obj{
		m("policies", obj{m("href", self+"/policies"), m("hints", hints("PUT"))}),
		m("uploadLogo", obj{m("href", self+"/logo"), m("hints", hints("POST"))}),
		m("appLinks", []any{obj{
			m("name", linkName),
			m("href", base+"/home/"+name+"/"+id+"/"+linkName),
			m("type", "text/html"),
		}}),
		m("profileEnrollment", obj{m("href", base+"/api/v1/policies/rst"+id[3:])}),
		m("groups", obj{m("href", self+"/groups")}),
		m("logo", []any{obj{m("name", "medium"), m("href", logoURL), m("type", "image/png")}}),
		m("accessPolicy", obj{m("href", base+"/api/v1/policies/rst"+reverse(id[3:]))}),
		m("users", obj{m("href", self+"/users")}),
	}
	if withMetadata {
		links = append(links, m("metadata", obj{
			m("href", self+"/sso/saml/metadata"),
			m("type", "application/xml"),
		}))
	}
	if st == "ACTIVE" {
		links = append(links, m("deactivate", obj{m("href", self+"/lifecycle/deactivate")}))
	} else {
		links = append(links, m("activate", obj{m("href", self+"/lifecycle/activate")}))
	}
	links = append(links, m("self", obj{m("href", self), m("hints", hints("GET", "PUT", "DELETE"))}))
	return links
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// visibility is the visibility object of an app with one app link.
func visibility(r *rand.Rand, linkName string) obj {
	hide := r.IntN(3) == 0
	return obj{
		m("autoLaunch", false),
		m("autoSubmitToolbar", false),
		m("hide", obj{m("iOS", hide), m("web", hide)}),
		m("appLinks", obj{m(linkName, true)}),
	}
}

// accessibility is Okta's accessibility object; the URLs are null more often than not.
func accessibility(r *rand.Rand, host string) obj {
	var errURL any = null
	if r.IntN(4) == 0 {
		errURL = "https://" + host + "/sso-error"
	}
	return obj{
		m("selfService", false),
		m("errorRedirectUrl", errURL),
		m("loginRedirectUrl", null),
	}
}

// vpnNotifications is the settings.notifications object every app carries.
func vpnNotifications() obj {
	return obj{m("vpn", obj{
		m("network", obj{m("connection", "DISABLED")}),
		m("message", null),
		m("helpUrl", null),
	})}
}

// notes is settings.notes; admins sometimes fill it in.
func notes(r *rand.Rand) obj {
	var admin any = null
	if r.IntN(5) == 0 {
		admin = "Owner: IT ops. Ticket ITSM-" + randomString(r, 5)
	}
	return obj{m("admin", admin), m("enduser", null)}
}

// universalLogout is a top-level member the spec does not declare.
func universalLogout() obj {
	return obj{
		m("status", "DISABLED"),
		m("supportType", "NONE"),
		m("identityStack", "NOT_SHARED"),
		m("protocol", "NONE"),
	}
}

// appHead is what every app draws first: a label and a host for it, its
// created and lastUpdated times, and its status.
type appHead struct {
	id, label, host, created, updated, status string
}

func newAppHead(r *rand.Rand, id string) appHead {
	h := appHead{id: id}
	h.label, h.host = appLabel(r)
	h.created, h.updated = timestamps(r)
	h.status = status(r)
	return h
}

// members renders the members every app starts with, up to signOnMode.
// The members after it (credentials, universalLogout, settings, _links)
// are appended in that order, so that the random draws follow the
// document's order.
func (h appHead) members(r *rand.Rand, mode, name, linkName string) obj {
	return obj{
		m("id", h.id),
		m("orn", "orn:okta:idp:"+orgID+":apps:"+name+":"+h.id),
		m("name", name),
		m("label", h.label),
		m("status", h.status),
		m("lastUpdated", h.updated),
		m("created", h.created),
		m("accessibility", accessibility(r, h.host)),
		m("visibility", visibility(r, linkName)),
		m("features", []string{}),
		m("signOnMode", mode),
	}
}

// credentials is an app's credentials: the user name template and signing
// every app has, then the mode's own members.
func credentials(signing obj, more ...member) obj {
	return append(obj{
		m("userNameTemplate", obj{m("template", "${source.login}"), m("type", "BUILT_IN")}),
		m("signing", signing),
	}, more...)
}

// settings is an app's settings: app, notifications, the provisioning flags
// and notes every app has, then the mode's own members.
func settings(r *rand.Rand, app obj, more ...member) obj {
	return append(obj{
		m("app", app),
		m("notifications", vpnNotifications()),
		m("manualProvisioning", false),
		m("implicitAssignment", false),
		m("notes", notes(r)),
	}, more...)
}

// oidcApp renders an OPENID_CONNECT web app (about 3 KB).
func oidcApp(r *rand.Rand, base, id string) obj {
	h := newAppHead(r, id)
	const name = "oidc_client"
	const linkName = "oidc_client_link"
	return append(h.members(r, "OPENID_CONNECT", name, linkName),
		m("credentials", credentials(obj{m("kid", randomString(r, 43))},
			m("oauthClient", obj{
				m("autoKeyRotation", true),
				m("client_id", id),
				m("client_secret", randomString(r, 64)),
				m("token_endpoint_auth_method", "client_secret_basic"),
				m("pkce_required", r.IntN(2) == 0),
			}),
		)),
		m("universalLogout", universalLogout()),
		m("settings", settings(r, obj{},
			m("oauthClient", obj{
				m("client_uri", "https://"+h.host),
				m("logo_uri", null),
				m("redirect_uris", []string{
					"https://" + h.host + "/authorization-code/callback",
					"https://" + h.host + "/oauth2/callback",
				}),
				m("post_logout_redirect_uris", []string{"https://" + h.host + "/signed-out"}),
				m("response_types", []string{"code"}),
				m("grant_types", []string{"authorization_code", "refresh_token"}),
				m("initiate_login_uri", "https://"+h.host+"/login"),
				m("application_type", "web"),
				m("consent_method", "REQUIRED"),
				m("issuer_mode", "DYNAMIC"),
				m("idp_initiated_login", obj{m("mode", "DISABLED"), m("default_scope", []string{})}),
				m("wildcard_redirect", "DISABLED"),
				m("dpop_bound_access_tokens", false),
				m("refresh_token", obj{m("rotation_type", "ROTATE"), m("leeway", 30)}),
				m("participate_slo", false),
			}),
		)),
		m("_links", appLinks(base, id, name, linkName, h.status, false)),
	)
}

// samlApp renders a custom SAML_2_0 app (about 4 KB).
func samlApp(r *rand.Rand, base, id string) obj {
	h := newAppHead(r, id)
	name := strings.ToLower(strings.ReplaceAll(h.label, " ", "")) + "_1"
	name = strings.NewReplacer("(", "", ")", "").Replace(name)
	linkName := name + "_link"
	acs := "https://" + h.host + "/saml/acs"
	attr := func(n, v string) obj {
		return obj{
			m("type", "EXPRESSION"),
			m("name", n),
			m("namespace", "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"),
			m("values", []string{v}),
		}
	}
	// Okta sends the attribute statements twice: as set and as configured.
	attrs := []any{
		attr("email", "user.email"),
		attr("firstName", "user.firstName"),
		attr("lastName", "user.lastName"),
		attr("department", "user.department"),
	}
	return append(h.members(r, "SAML_2_0", name, linkName),
		m("credentials", credentials(obj{m("kid", randomString(r, 43))})),
		m("universalLogout", universalLogout()),
		m("settings", settings(r, obj{},
			m("signOn", obj{
				m("defaultRelayState", ""),
				m("ssoAcsUrl", acs),
				m("idpIssuer", "http://www.okta.com/${org.externalKey}"),
				m("audience", "https://"+h.host+"/saml/metadata"),
				m("recipient", acs),
				m("destination", acs),
				m("subjectNameIdTemplate", "${user.userName}"),
				m("subjectNameIdFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
				m("responseSigned", true),
				m("assertionSigned", true),
				m("signatureAlgorithm", "RSA_SHA256"),
				m("digestAlgorithm", "SHA256"),
				m("honorForceAuthn", true),
				m("authnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"),
				m("spIssuer", null),
				m("requestCompressed", false),
				m("attributeStatements", attrs),
				m("inlineHooks", []any{}),
				m("allowMultipleAcsEndpoints", false),
				m("acsEndpoints", []any{}),
				m("samlSignedRequestEnabled", false),
				m("slo", obj{m("enabled", false)}),
				m("participateSlo", obj{m("enabled", false)}),
				m("configuredAttributeStatements", attrs),
			}),
		)),
		m("_links", appLinks(base, id, name, linkName, h.status, true)),
	)
}

// bookmarkApp renders a BOOKMARK app (about 2 KB).
func bookmarkApp(r *rand.Rand, base, id string) obj {
	h := newAppHead(r, id)
	const name = "bookmark"
	const linkName = "login"
	return append(h.members(r, "BOOKMARK", name, linkName),
		m("credentials", credentials(obj{})),
		m("universalLogout", universalLogout()),
		m("settings", settings(r, obj{
			m("requestIntegration", false),
			m("url", "https://"+h.host+"/"),
		})),
		m("_links", appLinks(base, id, name, linkName, h.status, false)),
	)
}

// Streams keep the random sequences of apps and tokens independent.
const (
	streamApps   = 1
	streamTokens = 2
)

// genApp renders app i: 40% OIDC, 35% SAML 2.0, 25% bookmark.
func genApp(seed uint64, base string, i int) (id string, doc []byte) {
	r := rng(seed, streamApps, i)
	id = oktaID(r, "0oa")
	var o obj
	switch k := r.IntN(20); {
	case k < 8:
		o = oidcApp(r, base, id)
	case k < 15:
		o = samlApp(r, base, id)
	default:
		o = bookmarkApp(r, base, id)
	}
	return id, appendJSON(make([]byte, 0, 4096), o)
}

var tokenNames = []string{"Terraform", "SCIM bridge", "Backup job", "Audit export", "HR sync",
	"Monitoring", "CI pipeline", "Access review", "Helpdesk bot", "Provisioning"}

// genToken renders API token i (about 600 bytes).
func genToken(seed uint64, base string, i int) (id string, doc []byte) {
	r := rng(seed, streamTokens, i)
	id = oktaID(r, "00T")
	user := oktaID(r, "00u")
	created, updated := timestamps(r)
	window := []string{"P30D", "PT5M", "P90D", "PT24H"}[r.IntN(4)]
	network := obj{m("connection", "ANYWHERE"), m("include", []string{}), m("exclude", []string{})}
	if r.IntN(4) == 0 {
		network = obj{m("connection", "ZONE"), m("include", []string{"nzo" + randomString(r, 17)}), m("exclude", []string{})}
	}
	o := obj{
		m("name", tokenNames[r.IntN(len(tokenNames))]+" "+randomString(r, 4)),
		m("userId", user),
		m("tokenWindow", window),
		m("id", id),
		m("clientName", "Okta API"),
		m("expiresAt", updated),
		m("created", created),
		m("lastUpdated", updated),
		m("network", network),
		m("_links", obj{
			m("self", obj{m("href", base+"/api/v1/api-tokens/"+id), m("hints", hints("GET", "DELETE"))}),
			m("user", obj{m("href", base+"/api/v1/users/"+user), m("hints", hints("GET"))}),
		}),
	}
	return id, appendJSON(make([]byte, 0, 768), o)
}
