module github.com/gatekit/okta

go 1.25

require (
	github.com/go-jose/go-jose/v4 v4.1.8
	github.com/jarcoal/httpmock v1.4.2
	github.com/stretchr/testify v1.12.1
	go.uber.org/goleak v1.3.0
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/oauth2 v0.35.0
)
