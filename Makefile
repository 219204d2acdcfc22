# newsgraph — build, test and run targets. `make help` lists them.
GO      ?= go
BIN     ?= bin/newsgraph
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: help build demo test vet bench fuzz clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## build bin/newsgraph
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/newsgraph

demo: build ## ingest the bundled seed article into newsgraph.db and print the ranking
	$(BIN) ingest testdata/
	$(BIN) query centrality

test: ## go vet, then every test with the race detector (what CI runs)
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

bench: ## benchmarks (no tests)
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz: ## a short fuzzing round on each fuzz target
	$(GO) test -run '^$$' -fuzz FuzzTokens -fuzztime 20s ./ingest/norm
	$(GO) test -run '^$$' -fuzz FuzzParseDate -fuzztime 20s ./ingest
	$(GO) test -run '^$$' -fuzz FuzzParseRecord -fuzztime 20s ./ingest

clean: ## remove build output
	rm -rf bin
