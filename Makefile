# The commands a newcomer and CI run. `make test` is what .ci/run runs.
GO ?= go
# staticcheck, pinned; `go run pkg@version` fetches it through the module proxy once.
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
# A regression that hangs fails here instead of at go test's 10-minute default.
TEST_TIMEOUT ?= 6m

.PHONY: test lint generate api api-check bench fuzz tidy

test:
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout=$(TEST_TIMEOUT) ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	$(STATICCHECK) ./...
	cd bench && $(GO) vet ./...

# Regenerate generated code (the models' JSON hooks); CI fails when this leaves a diff.
generate:
	$(GO) generate ./...

# Rewrite the public-API baseline in testdata/api/ after a deliberate change.
api:
	bash scripts/api-check.sh update

api-check:
	bash scripts/api-check.sh check

bench:
	$(MAKE) -C bench bench

tidy:
	$(GO) mod tidy
