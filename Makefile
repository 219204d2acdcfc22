# newsgraph — build, test and run targets. `make help` lists them.
GO      ?= go
BIN     ?= bin/newsgraph
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: help build demo test vet bench bench-ingest bench-reingest bench-query fuzz clean neo4j-up neo4j-down test-neo4j

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## build bin/newsgraph
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/newsgraph

demo: build ## ingest the bundled seed article into newsgraph.db and print the ranking
	$(BIN) ingest testdata/
	$(BIN) query centrality

test: ## go vet, every test with the race detector (the Neo4j ones take minutes), then a short round of each fuzz target (what CI runs)
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 30m ./...
	$(MAKE) --no-print-directory fuzz FUZZTIME=3s

bench: ## benchmarks (no tests)
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-ingest: ## ingest ../shared/corpora/ar-news-2022 into SQLite and Neo4j (needs NEWSGRAPH_TEST_NEO4J_URI; see make neo4j-up)
	$(GO) test -run '^$$' -bench BenchmarkIngestCorpus -benchtime 1x -timeout 60m ./cmd/newsgraph

bench-reingest: ## first ingest of ../shared/corpora/ar-news-2022 vs re-ingests of it unchanged, SQLite and Neo4j (needs NEWSGRAPH_TEST_NEO4J_URI)
	$(GO) test -run '^$$' -bench BenchmarkReingestUnchanged -benchtime 5x -count 3 -timeout 60m ./cmd/newsgraph

bench-query: ## time projections, the centrality table, communities and paths on ar-news-2022 (ingested once into SQLite)
	$(GO) test -run '^$$' -bench BenchmarkQueryCorpus -benchtime 3x -timeout 30m ./cmd/newsgraph

FUZZTIME ?= 20s
FUZZ_INGEST = FuzzParseDate FuzzReadText FuzzReadJSONL FuzzReadJSON FuzzReadCSV FuzzReadFeed FuzzReadHTML

fuzz: ## fuzz each reader, the date parser and the tokenizer for FUZZTIME (default 20s) each
	$(GO) test -run '^$$' -fuzz '^FuzzTokens$$' -fuzztime $(FUZZTIME) ./ingest/norm
	@for f in $(FUZZ_INGEST); do \
		echo "$(GO) test -run '^$$' -fuzz '^$$f\$$' -fuzztime $(FUZZTIME) ./ingest"; \
		$(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) ./ingest || exit 1; \
	done

neo4j-up: ## start a local Neo4j 5.26 (Java launcher, empty database; NEO4J_KEEP_DATA=1 keeps it) and print its exports
	@graph/neo4j/testserver/up.sh

neo4j-down: ## stop the local Neo4j
	@graph/neo4j/testserver/down.sh

test-neo4j: ## make test against a local Neo4j started (and stopped) for the run
	@set -e; lines=$$(graph/neo4j/testserver/up.sh); eval "$$lines"; \
	export NEWSGRAPH_TEST_NEO4J_URI=$$NEO4J_URI NEWSGRAPH_TEST_REQUIRE_NEO4J=1; \
	trap 'graph/neo4j/testserver/down.sh' EXIT; $(MAKE) test

clean: ## remove build output
	rm -rf bin
