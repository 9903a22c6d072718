package okta

import (
	"context"
	"io"
	"iter"
	"net/http"
)

// --- Applications --------------------------------------------------------------

// CreateApplicationRequest is the app to create and how.
type CreateApplicationRequest struct {
	Application            *Application // required; see NewOpenIdConnectApplication and its siblings
	Activate               *bool        // activate on creation (Okta's default: true)
	OktaAccessGatewayAgent string       // the OktaAccessGateway-Agent header, for Access Gateway apps
}

// CreateApplication adds an app to the org.
//
// POST /api/v1/apps
func (a *ApplicationAPI) CreateApplication(ctx context.Context, req CreateApplicationRequest) (*Application, *Response, error) {
	cl := call{op: "createApplication", method: http.MethodPost, path: "/api/v1/apps",
		query: query{}.boolp("activate", req.Activate).values(), json: req.Application, needs: "Application"}
	if req.OktaAccessGatewayAgent != "" {
		cl.header = http.Header{"OktaAccessGateway-Agent": {req.OktaAccessGatewayAgent}}
	}
	return doJSON[Application](ctx, a.client, cl)
}

// GetApplicationRequest names the app GetApplication fetches.
type GetApplicationRequest struct {
	AppID  string // required
	Expand string // such as "user/0oa..." to embed that user's assignment
}

// GetApplication fetches an app by id.
//
// GET /api/v1/apps/{appId}
func (a *ApplicationAPI) GetApplication(ctx context.Context, req GetApplicationRequest) (*Application, *Response, error) {
	return doJSON[Application](ctx, a.client, call{op: "getApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}", params: []string{req.AppID}, query: query{}.str("expand", req.Expand).values()})
}

// ListApplicationsRequest filters and pages ListApplications.
type ListApplicationsRequest struct {
	Q                 string // matches the start of an app's label or name
	After             string // the cursor of the page to fetch (Response.NextAfter)
	Limit             int    // page size (Okta's default: 20; at most 200)
	Filter            string // such as `status eq "ACTIVE"`, `user.id eq "00u..."`, `group.id eq "00g..."`
	Expand            string // such as "user/00u..." to embed that user's assignment
	IncludeNonDeleted *bool
}

func (r ListApplicationsRequest) call() call {
	return call{op: "listApplications", method: http.MethodGet, path: "/api/v1/apps",
		query: query{}.str("q", r.Q).str("after", r.After).int("limit", r.Limit).str("filter", r.Filter).
			str("expand", r.Expand).boolp("includeNonDeleted", r.IncludeNonDeleted).values()}
}

// ListApplications lists one page of the org's apps. An app of a sign-on mode
// this package does not know is listed like any other.
//
// GET /api/v1/apps
func (a *ApplicationAPI) ListApplications(ctx context.Context, req ListApplicationsRequest) ([]Application, *Response, error) {
	return doList[Application](ctx, a.client, req.call())
}

// ListApplicationsAll walks every page of ListApplications.
//
// GET /api/v1/apps
func (a *ApplicationAPI) ListApplicationsAll(ctx context.Context, req ListApplicationsRequest) iter.Seq2[*Application, error] {
	return listAll[Application](ctx, a.client, req.call())
}

// UpdateApplicationRequest is the app's new state.
type UpdateApplicationRequest struct {
	AppID       string       // required
	Application *Application // required: the whole app, as from GetApplication with changes
}

// UpdateApplication replaces an app. Send the whole app: start from
// GetApplication's result and change what you need; every member you did not
// change, including ones this package does not know, is sent as Okta sent it.
//
// PUT /api/v1/apps/{appId}
func (a *ApplicationAPI) UpdateApplication(ctx context.Context, req UpdateApplicationRequest) (*Application, *Response, error) {
	return doJSON[Application](ctx, a.client, call{op: "updateApplication", method: http.MethodPut,
		path: "/api/v1/apps/{appId}", params: []string{req.AppID}, json: req.Application, needs: "Application"})
}

// DeleteApplicationRequest names the app DeleteApplication removes.
type DeleteApplicationRequest struct {
	AppID string // required
}

// DeleteApplication removes an inactive app; deactivate it first.
//
// DELETE /api/v1/apps/{appId}
func (a *ApplicationAPI) DeleteApplication(ctx context.Context, req DeleteApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}", params: []string{req.AppID}})
}

// ActivateApplicationRequest names the app ActivateApplication activates.
type ActivateApplicationRequest struct {
	AppID string // required
}

// ActivateApplication activates an inactive app.
//
// POST /api/v1/apps/{appId}/lifecycle/activate
func (a *ApplicationAPI) ActivateApplication(ctx context.Context, req ActivateApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "activateApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/lifecycle/activate", params: []string{req.AppID}})
}

// DeactivateApplicationRequest names the app DeactivateApplication
// deactivates.
type DeactivateApplicationRequest struct {
	AppID string // required
}

// DeactivateApplication deactivates an active app.
//
// POST /api/v1/apps/{appId}/lifecycle/deactivate
func (a *ApplicationAPI) DeactivateApplication(ctx context.Context, req DeactivateApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deactivateApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/lifecycle/deactivate", params: []string{req.AppID}})
}

// --- User assignments ----------------------------------------------------------

// AssignUserToApplicationRequest is the assignment to make.
type AssignUserToApplicationRequest struct {
	AppID   string   // required
	AppUser *AppUser // required; its ID is the Okta user's id
}

// AssignUserToApplication assigns a user to an app, with app-specific
// credentials and profile.
//
// POST /api/v1/apps/{appId}/users
func (a *ApplicationAPI) AssignUserToApplication(ctx context.Context, req AssignUserToApplicationRequest) (*AppUser, *Response, error) {
	return doJSON[AppUser](ctx, a.client, call{op: "assignUserToApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/users", params: []string{req.AppID}, json: req.AppUser, needs: "AppUser"})
}

// GetApplicationUserRequest names the assignment GetApplicationUser fetches.
type GetApplicationUserRequest struct {
	AppID  string // required
	UserID string // required
	Expand string // "user" embeds the Okta user
}

// GetApplicationUser fetches a user's assignment to an app.
//
// GET /api/v1/apps/{appId}/users/{userId}
func (a *ApplicationAPI) GetApplicationUser(ctx context.Context, req GetApplicationUserRequest) (*AppUser, *Response, error) {
	return doJSON[AppUser](ctx, a.client, call{op: "getApplicationUser", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/users/{userId}", params: []string{req.AppID, req.UserID},
		query: query{}.str("expand", req.Expand).values()})
}

// ListApplicationUsersRequest filters and pages ListApplicationUsers.
type ListApplicationUsersRequest struct {
	AppID      string // required
	Q          string // matches the start of the user's name or email
	QueryScope string
	After      string // the cursor of the page to fetch (Response.NextAfter)
	Limit      int    // page size
	Filter     string
	Expand     string // "user" embeds each Okta user
}

func (r ListApplicationUsersRequest) call() call {
	return call{op: "listApplicationUsers", method: http.MethodGet, path: "/api/v1/apps/{appId}/users",
		params: []string{r.AppID},
		query: query{}.str("q", r.Q).str("query_scope", r.QueryScope).str("after", r.After).
			int("limit", r.Limit).str("filter", r.Filter).str("expand", r.Expand).values()}
}

// ListApplicationUsers lists one page of the users assigned to an app.
//
// GET /api/v1/apps/{appId}/users
func (a *ApplicationAPI) ListApplicationUsers(ctx context.Context, req ListApplicationUsersRequest) ([]AppUser, *Response, error) {
	return doList[AppUser](ctx, a.client, req.call())
}

// ListApplicationUsersAll walks every page of ListApplicationUsers.
//
// GET /api/v1/apps/{appId}/users
func (a *ApplicationAPI) ListApplicationUsersAll(ctx context.Context, req ListApplicationUsersRequest) iter.Seq2[*AppUser, error] {
	return listAll[AppUser](ctx, a.client, req.call())
}

// UpdateApplicationUserRequest is an assignment's new profile or credentials.
type UpdateApplicationUserRequest struct {
	AppID   string   // required
	UserID  string   // required
	AppUser *AppUser // required
}

// UpdateApplicationUser updates a user's profile or credentials for an app.
//
// POST /api/v1/apps/{appId}/users/{userId}
func (a *ApplicationAPI) UpdateApplicationUser(ctx context.Context, req UpdateApplicationUserRequest) (*AppUser, *Response, error) {
	return doJSON[AppUser](ctx, a.client, call{op: "updateApplicationUser", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/users/{userId}", params: []string{req.AppID, req.UserID}, json: req.AppUser, needs: "AppUser"})
}

// DeleteApplicationUserRequest names the assignment DeleteApplicationUser
// removes.
type DeleteApplicationUserRequest struct {
	AppID     string // required
	UserID    string // required
	SendEmail *bool  // email the user about the change (Okta's default: false)
}

// DeleteApplicationUser unassigns a user from an app.
//
// DELETE /api/v1/apps/{appId}/users/{userId}
func (a *ApplicationAPI) DeleteApplicationUser(ctx context.Context, req DeleteApplicationUserRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteApplicationUser", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/users/{userId}", params: []string{req.AppID, req.UserID},
		query: query{}.boolp("sendEmail", req.SendEmail).values()})
}

// --- Group assignments ---------------------------------------------------------

// CreateApplicationGroupAssignmentRequest is the group assignment to make.
type CreateApplicationGroupAssignmentRequest struct {
	AppID                      string                      // required
	GroupID                    string                      // required
	ApplicationGroupAssignment *ApplicationGroupAssignment // optional: priority and profile
}

// CreateApplicationGroupAssignment assigns a group to an app.
//
// PUT /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) CreateApplicationGroupAssignment(ctx context.Context, req CreateApplicationGroupAssignmentRequest) (*ApplicationGroupAssignment, *Response, error) {
	return doJSON[ApplicationGroupAssignment](ctx, a.client, call{op: "createApplicationGroupAssignment", method: http.MethodPut,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID},
		json: req.ApplicationGroupAssignment}) // optional: nil sends no body
}

// GetApplicationGroupAssignmentRequest names the assignment
// GetApplicationGroupAssignment fetches.
type GetApplicationGroupAssignmentRequest struct {
	AppID   string // required
	GroupID string // required
	Expand  string // "group" embeds the group
}

// GetApplicationGroupAssignment fetches a group's assignment to an app.
//
// GET /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) GetApplicationGroupAssignment(ctx context.Context, req GetApplicationGroupAssignmentRequest) (*ApplicationGroupAssignment, *Response, error) {
	return doJSON[ApplicationGroupAssignment](ctx, a.client, call{op: "getApplicationGroupAssignment", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID},
		query: query{}.str("expand", req.Expand).values()})
}

// ListApplicationGroupAssignmentsRequest filters and pages
// ListApplicationGroupAssignments.
type ListApplicationGroupAssignmentsRequest struct {
	AppID  string // required
	Q      string // matches the start of the group's name
	After  string // the cursor of the page to fetch (Response.NextAfter)
	Limit  int    // page size
	Expand string // "group" embeds each group
}

func (r ListApplicationGroupAssignmentsRequest) call() call {
	return call{op: "listApplicationGroupAssignments", method: http.MethodGet, path: "/api/v1/apps/{appId}/groups",
		params: []string{r.AppID},
		query:  query{}.str("q", r.Q).str("after", r.After).int("limit", r.Limit).str("expand", r.Expand).values()}
}

// ListApplicationGroupAssignments lists one page of the groups assigned to an
// app.
//
// GET /api/v1/apps/{appId}/groups
func (a *ApplicationAPI) ListApplicationGroupAssignments(ctx context.Context, req ListApplicationGroupAssignmentsRequest) ([]ApplicationGroupAssignment, *Response, error) {
	return doList[ApplicationGroupAssignment](ctx, a.client, req.call())
}

// ListApplicationGroupAssignmentsAll walks every page of
// ListApplicationGroupAssignments.
//
// GET /api/v1/apps/{appId}/groups
func (a *ApplicationAPI) ListApplicationGroupAssignmentsAll(ctx context.Context, req ListApplicationGroupAssignmentsRequest) iter.Seq2[*ApplicationGroupAssignment, error] {
	return listAll[ApplicationGroupAssignment](ctx, a.client, req.call())
}

// DeleteApplicationGroupAssignmentRequest names the assignment
// DeleteApplicationGroupAssignment removes.
type DeleteApplicationGroupAssignmentRequest struct {
	AppID   string // required
	GroupID string // required
}

// DeleteApplicationGroupAssignment unassigns a group from an app.
//
// DELETE /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) DeleteApplicationGroupAssignment(ctx context.Context, req DeleteApplicationGroupAssignmentRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteApplicationGroupAssignment", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID}})
}

// --- Key credentials -----------------------------------------------------------

// ListApplicationKeysRequest names the app whose keys ListApplicationKeys
// lists.
type ListApplicationKeysRequest struct {
	AppID string // required
}

func (r ListApplicationKeysRequest) call() call {
	return call{op: "listApplicationKeys", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/keys", params: []string{r.AppID}}
}

// ListApplicationKeys lists an app's key credentials.
//
// GET /api/v1/apps/{appId}/credentials/keys
func (a *ApplicationAPI) ListApplicationKeys(ctx context.Context, req ListApplicationKeysRequest) ([]JsonWebKey, *Response, error) {
	return doList[JsonWebKey](ctx, a.client, req.call())
}

// ListApplicationKeysAll walks every page of ListApplicationKeys (Okta sends
// one).
//
// GET /api/v1/apps/{appId}/credentials/keys
func (a *ApplicationAPI) ListApplicationKeysAll(ctx context.Context, req ListApplicationKeysRequest) iter.Seq2[*JsonWebKey, error] {
	return listAll[JsonWebKey](ctx, a.client, req.call())
}

// GetApplicationKeyRequest names the key GetApplicationKey fetches.
type GetApplicationKeyRequest struct {
	AppID string // required
	KeyID string // required: the key's kid
}

// GetApplicationKey fetches one of an app's key credentials.
//
// GET /api/v1/apps/{appId}/credentials/keys/{keyId}
func (a *ApplicationAPI) GetApplicationKey(ctx context.Context, req GetApplicationKeyRequest) (*JsonWebKey, *Response, error) {
	return doJSON[JsonWebKey](ctx, a.client, call{op: "getApplicationKey", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/keys/{keyId}", params: []string{req.AppID, req.KeyID}})
}

// GenerateApplicationKeyRequest is the key GenerateApplicationKey makes.
type GenerateApplicationKeyRequest struct {
	AppID         string // required
	ValidityYears int    // the certificate's lifetime, 2 to 10 years
}

// GenerateApplicationKey makes a new key pair and X.509 certificate for an app.
// It does not become the signing key until the app's
// Credentials.Signing.Kid names it (UpdateApplication).
//
// POST /api/v1/apps/{appId}/credentials/keys/generate
func (a *ApplicationAPI) GenerateApplicationKey(ctx context.Context, req GenerateApplicationKeyRequest) (*JsonWebKey, *Response, error) {
	return doJSON[JsonWebKey](ctx, a.client, call{op: "generateApplicationKey", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/keys/generate", params: []string{req.AppID},
		query: query{}.int("validityYears", req.ValidityYears).values()})
}

// CloneApplicationKeyRequest names the key to clone and where to.
type CloneApplicationKeyRequest struct {
	AppID     string // required: the app that has the key
	KeyID     string // required
	TargetAid string // required: the app to copy the key to
}

// CloneApplicationKey copies an app's key credential to another app, so that
// both can sign with it.
//
// POST /api/v1/apps/{appId}/credentials/keys/{keyId}/clone
func (a *ApplicationAPI) CloneApplicationKey(ctx context.Context, req CloneApplicationKeyRequest) (*JsonWebKey, *Response, error) {
	if req.TargetAid == "" {
		return nil, nil, invalid("cloneApplicationKey", "query parameter targetAid is required")
	}
	return doJSON[JsonWebKey](ctx, a.client, call{op: "cloneApplicationKey", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/keys/{keyId}/clone", params: []string{req.AppID, req.KeyID},
		query: query{}.str("targetAid", req.TargetAid).values()})
}

// --- Certificate signing requests ----------------------------------------------

// GenerateCsrForApplicationRequest is the CSR to generate.
type GenerateCsrForApplicationRequest struct {
	AppID    string       // required
	Metadata *CsrMetadata // required: the subject and subject alternative names
}

// GenerateCsrForApplication makes a new key pair for an app and returns a
// certificate signing request for it. Sign it (Csr.CertificateRequest parses
// it) and publish the certificate with PublishCsrFromApplication.
//
// POST /api/v1/apps/{appId}/credentials/csrs
func (a *ApplicationAPI) GenerateCsrForApplication(ctx context.Context, req GenerateCsrForApplicationRequest) (*Csr, *Response, error) {
	return doJSON[Csr](ctx, a.client, call{op: "generateCsrForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/csrs", params: []string{req.AppID}, json: req.Metadata, needs: "Metadata"})
}

// ListCsrsForApplicationRequest names the app whose CSRs
// ListCsrsForApplication lists.
type ListCsrsForApplicationRequest struct {
	AppID string // required
}

func (r ListCsrsForApplicationRequest) call() call {
	return call{op: "listCsrsForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/csrs", params: []string{r.AppID}}
}

// ListCsrsForApplication lists an app's pending certificate signing requests.
//
// GET /api/v1/apps/{appId}/credentials/csrs
func (a *ApplicationAPI) ListCsrsForApplication(ctx context.Context, req ListCsrsForApplicationRequest) ([]Csr, *Response, error) {
	return doList[Csr](ctx, a.client, req.call())
}

// ListCsrsForApplicationAll walks every page of ListCsrsForApplication (Okta
// sends one).
//
// GET /api/v1/apps/{appId}/credentials/csrs
func (a *ApplicationAPI) ListCsrsForApplicationAll(ctx context.Context, req ListCsrsForApplicationRequest) iter.Seq2[*Csr, error] {
	return listAll[Csr](ctx, a.client, req.call())
}

// GetCsrForApplicationRequest names the CSR GetCsrForApplication fetches.
type GetCsrForApplicationRequest struct {
	AppID string // required
	CsrID string // required
}

// GetCsrForApplication fetches one of an app's certificate signing requests.
//
// GET /api/v1/apps/{appId}/credentials/csrs/{csrId}
func (a *ApplicationAPI) GetCsrForApplication(ctx context.Context, req GetCsrForApplicationRequest) (*Csr, *Response, error) {
	return doJSON[Csr](ctx, a.client, call{op: "getCsrForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/csrs/{csrId}", params: []string{req.AppID, req.CsrID}})
}

// PublishCsrFromApplicationRequest is the signed certificate for a CSR.
type PublishCsrFromApplicationRequest struct {
	AppID string // required
	CsrID string // required
	// Certificate is the signed X.509 certificate: PEM (sent as
	// application/x-pem-file), DER (sent as application/pkix-cert), or base64
	// DER (sent as given, as application/pkix-cert with
	// Content-Transfer-Encoding: base64). Anything else is refused before
	// sending. Of PEM, only the CERTIFICATE blocks are sent: text around them
	// (openssl -text output) and other blocks, such as a private key kept in
	// the same file, are left out.
	Certificate []byte
}

// PublishCsrFromApplication publishes the certificate signed for a CSR; the
// key pair then becomes one of the app's key credentials.
//
// POST /api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish
func (a *ApplicationAPI) PublishCsrFromApplication(ctx context.Context, req PublishCsrFromApplicationRequest) (*JsonWebKey, *Response, error) {
	const op = "publishCsrFromApplication"
	body, ctype, encoding, err := certificateBody(req.Certificate)
	if err != nil {
		return nil, nil, invalid(op, "%v", err)
	}
	cl := call{op: op, method: http.MethodPost, path: "/api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish",
		params: []string{req.AppID, req.CsrID}, body: body, ctype: ctype}
	if encoding != "" {
		cl.header = http.Header{"Content-Transfer-Encoding": {encoding}}
	}
	return doJSON[JsonWebKey](ctx, a.client, cl)
}

// RevokeCsrFromApplicationRequest names the CSR RevokeCsrFromApplication
// revokes.
type RevokeCsrFromApplicationRequest struct {
	AppID string // required
	CsrID string // required
}

// RevokeCsrFromApplication revokes a certificate signing request and deletes
// its key pair.
//
// DELETE /api/v1/apps/{appId}/credentials/csrs/{csrId}
func (a *ApplicationAPI) RevokeCsrFromApplication(ctx context.Context, req RevokeCsrFromApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeCsrFromApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/credentials/csrs/{csrId}", params: []string{req.AppID, req.CsrID}})
}

// --- Provisioning --------------------------------------------------------------

// GetDefaultProvisioningConnectionForApplicationRequest names the app.
type GetDefaultProvisioningConnectionForApplicationRequest struct {
	AppID string // required
}

// GetDefaultProvisioningConnectionForApplication fetches an app's default
// provisioning connection.
//
// GET /api/v1/apps/{appId}/connections/default
func (a *ApplicationAPI) GetDefaultProvisioningConnectionForApplication(ctx context.Context, req GetDefaultProvisioningConnectionForApplicationRequest) (*ProvisioningConnection, *Response, error) {
	return doJSON[ProvisioningConnection](ctx, a.client, call{op: "getDefaultProvisioningConnectionForApplication",
		method: http.MethodGet, path: "/api/v1/apps/{appId}/connections/default", params: []string{req.AppID}})
}

// SetDefaultProvisioningConnectionForApplicationRequest is the connection to
// set.
type SetDefaultProvisioningConnectionForApplicationRequest struct {
	AppID                         string                         // required
	Activate                      *bool                          // activate the connection too
	ProvisioningConnectionRequest *ProvisioningConnectionRequest // required
}

// SetDefaultProvisioningConnectionForApplication sets an app's default
// provisioning connection. Okta answers 200 or 201; both succeed.
//
// POST /api/v1/apps/{appId}/connections/default
func (a *ApplicationAPI) SetDefaultProvisioningConnectionForApplication(ctx context.Context, req SetDefaultProvisioningConnectionForApplicationRequest) (*ProvisioningConnection, *Response, error) {
	return doJSON[ProvisioningConnection](ctx, a.client, call{op: "setDefaultProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/connections/default", params: []string{req.AppID},
		query: query{}.boolp("activate", req.Activate).values(), json: req.ProvisioningConnectionRequest, needs: "ProvisioningConnectionRequest"})
}

// ActivateDefaultProvisioningConnectionForApplicationRequest names the app.
type ActivateDefaultProvisioningConnectionForApplicationRequest struct {
	AppID string // required
}

// ActivateDefaultProvisioningConnectionForApplication activates an app's
// default provisioning connection.
//
// POST /api/v1/apps/{appId}/connections/default/lifecycle/activate
func (a *ApplicationAPI) ActivateDefaultProvisioningConnectionForApplication(ctx context.Context, req ActivateDefaultProvisioningConnectionForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "activateDefaultProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/connections/default/lifecycle/activate", params: []string{req.AppID}})
}

// DeactivateDefaultProvisioningConnectionForApplicationRequest names the app.
type DeactivateDefaultProvisioningConnectionForApplicationRequest struct {
	AppID string // required
}

// DeactivateDefaultProvisioningConnectionForApplication deactivates an app's
// default provisioning connection.
//
// POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate
func (a *ApplicationAPI) DeactivateDefaultProvisioningConnectionForApplication(ctx context.Context, req DeactivateDefaultProvisioningConnectionForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deactivateDefaultProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/connections/default/lifecycle/deactivate", params: []string{req.AppID}})
}

// --- Features ------------------------------------------------------------------

// ListFeaturesForApplicationRequest names the app.
type ListFeaturesForApplicationRequest struct {
	AppID string // required
}

func (r ListFeaturesForApplicationRequest) call() call {
	return call{op: "listFeaturesForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/features", params: []string{r.AppID}}
}

// ListFeaturesForApplication lists an app's provisioning features.
//
// GET /api/v1/apps/{appId}/features
func (a *ApplicationAPI) ListFeaturesForApplication(ctx context.Context, req ListFeaturesForApplicationRequest) ([]ApplicationFeature, *Response, error) {
	return doList[ApplicationFeature](ctx, a.client, req.call())
}

// ListFeaturesForApplicationAll walks every page of ListFeaturesForApplication
// (Okta sends one).
//
// GET /api/v1/apps/{appId}/features
func (a *ApplicationAPI) ListFeaturesForApplicationAll(ctx context.Context, req ListFeaturesForApplicationRequest) iter.Seq2[*ApplicationFeature, error] {
	return listAll[ApplicationFeature](ctx, a.client, req.call())
}

// GetFeatureForApplicationRequest names the feature.
type GetFeatureForApplicationRequest struct {
	AppID string // required
	Name  string // required, such as "USER_PROVISIONING"
}

// GetFeatureForApplication fetches one of an app's provisioning features.
//
// GET /api/v1/apps/{appId}/features/{name}
func (a *ApplicationAPI) GetFeatureForApplication(ctx context.Context, req GetFeatureForApplicationRequest) (*ApplicationFeature, *Response, error) {
	return doJSON[ApplicationFeature](ctx, a.client, call{op: "getFeatureForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/features/{name}", params: []string{req.AppID, req.Name}})
}

// UpdateFeatureForApplicationRequest is a feature's new capabilities.
type UpdateFeatureForApplicationRequest struct {
	AppID              string              // required
	Name               string              // required, such as "USER_PROVISIONING"
	CapabilitiesObject *CapabilitiesObject // required
}

// UpdateFeatureForApplication updates one of an app's provisioning features.
//
// PUT /api/v1/apps/{appId}/features/{name}
func (a *ApplicationAPI) UpdateFeatureForApplication(ctx context.Context, req UpdateFeatureForApplicationRequest) (*ApplicationFeature, *Response, error) {
	return doJSON[ApplicationFeature](ctx, a.client, call{op: "updateFeatureForApplication", method: http.MethodPut,
		path: "/api/v1/apps/{appId}/features/{name}", params: []string{req.AppID, req.Name}, json: req.CapabilitiesObject, needs: "CapabilitiesObject"})
}

// --- OAuth 2.0 tokens ----------------------------------------------------------

// ListOAuth2TokensForApplicationRequest filters and pages
// ListOAuth2TokensForApplication.
type ListOAuth2TokensForApplicationRequest struct {
	AppID  string // required
	Expand string // "scope" embeds each token's scopes
	After  string // the cursor of the page to fetch (Response.NextAfter)
	Limit  int    // page size (Okta's default: 20)
}

func (r ListOAuth2TokensForApplicationRequest) call() call {
	return call{op: "listOAuth2TokensForApplication", method: http.MethodGet, path: "/api/v1/apps/{appId}/tokens",
		params: []string{r.AppID}, query: query{}.str("expand", r.Expand).str("after", r.After).int("limit", r.Limit).values()}
}

// ListOAuth2TokensForApplication lists one page of the refresh tokens issued to
// an app.
//
// GET /api/v1/apps/{appId}/tokens
func (a *ApplicationAPI) ListOAuth2TokensForApplication(ctx context.Context, req ListOAuth2TokensForApplicationRequest) ([]OAuth2Token, *Response, error) {
	return doList[OAuth2Token](ctx, a.client, req.call())
}

// ListOAuth2TokensForApplicationAll walks every page of
// ListOAuth2TokensForApplication.
//
// GET /api/v1/apps/{appId}/tokens
func (a *ApplicationAPI) ListOAuth2TokensForApplicationAll(ctx context.Context, req ListOAuth2TokensForApplicationRequest) iter.Seq2[*OAuth2Token, error] {
	return listAll[OAuth2Token](ctx, a.client, req.call())
}

// GetOAuth2TokenForApplicationRequest names the token.
type GetOAuth2TokenForApplicationRequest struct {
	AppID   string // required
	TokenID string // required
	Expand  string // "scope" embeds the token's scopes
}

// GetOAuth2TokenForApplication fetches a refresh token issued to an app.
//
// GET /api/v1/apps/{appId}/tokens/{tokenId}
func (a *ApplicationAPI) GetOAuth2TokenForApplication(ctx context.Context, req GetOAuth2TokenForApplicationRequest) (*OAuth2Token, *Response, error) {
	return doJSON[OAuth2Token](ctx, a.client, call{op: "getOAuth2TokenForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/tokens/{tokenId}", params: []string{req.AppID, req.TokenID},
		query: query{}.str("expand", req.Expand).values()})
}

// RevokeOAuth2TokenForApplicationRequest names the token.
type RevokeOAuth2TokenForApplicationRequest struct {
	AppID   string // required
	TokenID string // required
}

// RevokeOAuth2TokenForApplication revokes a refresh token issued to an app.
//
// DELETE /api/v1/apps/{appId}/tokens/{tokenId}
func (a *ApplicationAPI) RevokeOAuth2TokenForApplication(ctx context.Context, req RevokeOAuth2TokenForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeOAuth2TokenForApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/tokens/{tokenId}", params: []string{req.AppID, req.TokenID}})
}

// RevokeOAuth2TokensForApplicationRequest names the app.
type RevokeOAuth2TokensForApplicationRequest struct {
	AppID string // required
}

// RevokeOAuth2TokensForApplication revokes every refresh token issued to an
// app.
//
// DELETE /api/v1/apps/{appId}/tokens
func (a *ApplicationAPI) RevokeOAuth2TokensForApplication(ctx context.Context, req RevokeOAuth2TokensForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeOAuth2TokensForApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/tokens", params: []string{req.AppID}})
}

// --- Scope consent grants ------------------------------------------------------
//
// Okta accepts only an API token for these four operations in this API
// version, not an OAuth 2.0 access token.

// ListScopeConsentGrantsRequest names the app.
type ListScopeConsentGrantsRequest struct {
	AppID  string // required
	Expand string // "scope" embeds each grant's scope
}

func (r ListScopeConsentGrantsRequest) call() call {
	return call{op: "listScopeConsentGrants", method: http.MethodGet, path: "/api/v1/apps/{appId}/grants",
		params: []string{r.AppID}, query: query{}.str("expand", r.Expand).values()}
}

// ListScopeConsentGrants lists the scopes an app has been granted.
//
// GET /api/v1/apps/{appId}/grants
func (a *ApplicationAPI) ListScopeConsentGrants(ctx context.Context, req ListScopeConsentGrantsRequest) ([]OAuth2ScopeConsentGrant, *Response, error) {
	return doList[OAuth2ScopeConsentGrant](ctx, a.client, req.call())
}

// ListScopeConsentGrantsAll walks every page of ListScopeConsentGrants (Okta
// sends one).
//
// GET /api/v1/apps/{appId}/grants
func (a *ApplicationAPI) ListScopeConsentGrantsAll(ctx context.Context, req ListScopeConsentGrantsRequest) iter.Seq2[*OAuth2ScopeConsentGrant, error] {
	return listAll[OAuth2ScopeConsentGrant](ctx, a.client, req.call())
}

// GrantConsentToScopeRequest is the grant to make.
type GrantConsentToScopeRequest struct {
	AppID                   string                   // required
	OAuth2ScopeConsentGrant *OAuth2ScopeConsentGrant // required: Issuer and ScopeID
}

// GrantConsentToScope grants an app permission to request an Okta scope. Okta
// answers 200 or 201; both succeed.
//
// POST /api/v1/apps/{appId}/grants
func (a *ApplicationAPI) GrantConsentToScope(ctx context.Context, req GrantConsentToScopeRequest) (*OAuth2ScopeConsentGrant, *Response, error) {
	return doJSON[OAuth2ScopeConsentGrant](ctx, a.client, call{op: "grantConsentToScope", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/grants", params: []string{req.AppID}, json: req.OAuth2ScopeConsentGrant, needs: "OAuth2ScopeConsentGrant"})
}

// GetScopeConsentGrantRequest names the grant.
type GetScopeConsentGrantRequest struct {
	AppID   string // required
	GrantID string // required
	Expand  string // "scope" embeds the grant's scope
}

// GetScopeConsentGrant fetches one of an app's scope grants.
//
// GET /api/v1/apps/{appId}/grants/{grantId}
func (a *ApplicationAPI) GetScopeConsentGrant(ctx context.Context, req GetScopeConsentGrantRequest) (*OAuth2ScopeConsentGrant, *Response, error) {
	return doJSON[OAuth2ScopeConsentGrant](ctx, a.client, call{op: "getScopeConsentGrant", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/grants/{grantId}", params: []string{req.AppID, req.GrantID},
		query: query{}.str("expand", req.Expand).values()})
}

// RevokeScopeConsentGrantRequest names the grant.
type RevokeScopeConsentGrantRequest struct {
	AppID   string // required
	GrantID string // required
}

// RevokeScopeConsentGrant revokes an app's permission to request a scope.
//
// DELETE /api/v1/apps/{appId}/grants/{grantId}
func (a *ApplicationAPI) RevokeScopeConsentGrant(ctx context.Context, req RevokeScopeConsentGrantRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeScopeConsentGrant", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/grants/{grantId}", params: []string{req.AppID, req.GrantID}})
}

// --- Logo ----------------------------------------------------------------------

// UploadApplicationLogoRequest is the logo to upload.
type UploadApplicationLogoRequest struct {
	AppID    string    // required
	File     io.Reader // required: a PNG, JPEG or GIF image smaller than 1 MiB
	FileName string    // the file's name; "logo" with the image's extension when empty
}

// UploadApplicationLogo uploads an app's logo. The image is checked before
// anything is sent: it must be PNG, JPEG or GIF (judged from its bytes) and
// smaller than 1 MiB; no more than 1 MiB of File is read.
//
// POST /api/v1/apps/{appId}/logo
func (a *ApplicationAPI) UploadApplicationLogo(ctx context.Context, req UploadApplicationLogoRequest) (*Response, error) {
	return uploadLogo(ctx, a.client, req)
}
