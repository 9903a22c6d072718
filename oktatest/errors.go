package oktatest

import (
	"fmt"
	"net/http"
)

// apiError is an Okta error answer: an HTTP status and the members of
// Okta's Error body. errorId and errorLink are filled in when it is written.
type apiError struct {
	status  int
	code    string
	summary string
	causes  []string
}

// errorBody is the wire shape of Okta's Error object.
type errorBody struct {
	ErrorCode    string       `json:"errorCode"`
	ErrorSummary string       `json:"errorSummary"`
	ErrorLink    string       `json:"errorLink"`
	ErrorID      string       `json:"errorId"`
	ErrorCauses  []errorCause `json:"errorCauses"`
}

type errorCause struct {
	ErrorSummary string `json:"errorSummary"`
}

// invalid is the 400 E0000001 answer. field names the member that failed;
// each cause is reported as "field: cause" the way Okta does.
func invalid(field string, causes ...string) *apiError {
	e := &apiError{
		status:  http.StatusBadRequest,
		code:    "E0000001",
		summary: "Api validation failed: " + field,
	}
	for _, c := range causes {
		e.causes = append(e.causes, field+": "+c)
	}
	return e
}

// malformed is the 400 E0000003 answer for a body that is not the JSON
// the operation takes.
func malformed() *apiError {
	return &apiError{
		status:  http.StatusBadRequest,
		code:    "E0000003",
		summary: "The request body was not well-formed.",
	}
}

// notFound is the 404 E0000007 answer for an id of the given Okta type.
func notFound(id, kind string) *apiError {
	return &apiError{
		status:  http.StatusNotFound,
		code:    "E0000007",
		summary: fmt.Sprintf("Not found: Resource not found: %s (%s)", id, kind),
	}
}

func invalidToken() *apiError {
	return &apiError{
		status:  http.StatusUnauthorized,
		code:    "E0000011",
		summary: "Invalid token provided",
	}
}

func accessDenied() *apiError {
	return &apiError{
		status:  http.StatusForbidden,
		code:    "E0000006",
		summary: "You do not have permission to perform the requested action",
	}
}

func methodNotAllowed() *apiError {
	return &apiError{
		status:  http.StatusMethodNotAllowed,
		code:    "E0000022",
		summary: "The endpoint does not support the provided HTTP method",
	}
}

func rateLimited() *apiError {
	return &apiError{
		status:  http.StatusTooManyRequests,
		code:    "E0000047",
		summary: "API call exceeded rate limit due to too many requests.",
	}
}

func unsupportedMediaType() *apiError {
	return &apiError{
		status:  http.StatusUnsupportedMediaType,
		code:    "E0000001",
		summary: "Api validation failed: Content-Type",
		causes:  []string{"Content-Type: Unsupported media type."},
	}
}

// statusError is the body Okta sends for a status forced by a Fault.
func statusError(status int) *apiError {
	switch status {
	case http.StatusBadRequest:
		return &apiError{status: status, code: "E0000001", summary: "Api validation failed"}
	case http.StatusUnauthorized:
		return invalidToken()
	case http.StatusForbidden:
		return accessDenied()
	case http.StatusNotFound:
		return &apiError{status: status, code: "E0000007", summary: "Not found: Resource not found"}
	case http.StatusTooManyRequests:
		return rateLimited()
	}
	if status >= 500 {
		return &apiError{status: status, code: "E0000009", summary: "Internal Server Error"}
	}
	return &apiError{status: status, code: "E0000001", summary: http.StatusText(status)}
}

// writeError sends e as Okta's Error body.
func (s *Server) writeError(w http.ResponseWriter, e *apiError) {
	body := errorBody{
		ErrorCode:    e.code,
		ErrorSummary: e.summary,
		ErrorLink:    e.code,
		ErrorID:      "oae" + s.randomString(base62, 22),
		ErrorCauses:  []errorCause{},
	}
	for _, c := range e.causes {
		body.ErrorCauses = append(body.ErrorCauses, errorCause{ErrorSummary: c})
	}
	s.writeJSON(w, e.status, body)
}

// unsupportedAppOperation is Okta's 400 E0000024, as for an update of an
// AUTO_LOGIN catalog app that has no active instance.
func unsupportedAppOperation(cause string) *apiError {
	return &apiError{
		status:  http.StatusBadRequest,
		code:    "E0000024",
		summary: "Bad request.  This operation on app metadata is not yet supported.",
		causes:  []string{cause},
	}
}

// selfServiceNotEnabled is Okta's 403 E0000043 for an app made
// self-service in an org that does not allow it.
func selfServiceNotEnabled() *apiError {
	return &apiError{
		status:  http.StatusForbidden,
		code:    "E0000043",
		summary: "Self service application assignment is not enabled.",
	}
}

// featureNotEnabled is Okta's 401 E0000015 for a feature the org or the app
// does not have.
func featureNotEnabled() *apiError {
	return &apiError{
		status:  http.StatusUnauthorized,
		code:    "E0000015",
		summary: "You do not have permission to access the feature you are requesting",
	}
}

// adminConsentRequired is the 400 E0000001 Okta answers for office365 set up
// for WS-Federation before the Microsoft admin consent is granted.
func adminConsentRequired() *apiError {
	return &apiError{
		status:  http.StatusBadRequest,
		code:    "E0000001",
		summary: "In order to continue using WS-FED Auto for SSO, you must grant admin consent.",
		causes:  []string{"In order to continue using WS-FED Auto for SSO, you must grant admin consent."},
	}
}
