# The commands a newcomer and CI run. `make test` is what .ci/run runs.
GO ?= go

.PHONY: test lint bench fuzz tidy

test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	cd bench && $(GO) vet ./...

bench:
	$(MAKE) -C bench bench

tidy:
	$(GO) mod tidy
