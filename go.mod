module github.com/gatekit/okta

go 1.25
