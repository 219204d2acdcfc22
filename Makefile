# newsgraph — build, test and run targets. `make help` lists them.
GO      ?= go
BIN     ?= bin/newsgraph
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)

# go.mod's toolchain line names the Go release with the standard-library
# fixes govulncheck asks for; the go command fetches it from the module proxy
# only under GOTOOLCHAIN=auto, and some machines set GOTOOLCHAIN=local, which
# would build with an older, vulnerable Go. `make GOTOOLCHAIN=local` still wins.
export GOTOOLCHAIN = auto

# govulncheck and its database, both pinned. vuln.go.dev cannot be reached from
# every build machine but the module proxy can, so the database is indexed from
# a snapshot of golang.org/x/vulndb's OSV files by that module's own indexdb
# command. Bump VULNDB_VERSION for newer advisories, or pass
# VULNDB=https://vuln.go.dev where it can be reached.
GOVULNCHECK_VERSION ?= v1.9.0
VULNDB_VERSION      ?= v0.0.0-20261105234957-e22db6528018
VULNDB_DIR          := bin/vulndb-$(VULNDB_VERSION)
VULNDB              ?= file://$(CURDIR)/$(VULNDB_DIR)

.PHONY: help build demo test vulncheck vet bench bench-ingest bench-reingest bench-query bench-scale bench-report fuzz clean neo4j-up neo4j-down test-neo4j browser-guide browser-check pictures

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## build bin/newsgraph
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/newsgraph

demo: build ## ingest the bundled seed article into newsgraph.db and print the ranking
	$(BIN) ingest testdata/
	$(BIN) query centrality

vulncheck: $(if $(findstring $(VULNDB_DIR),$(VULNDB)),$(VULNDB_DIR)/index/db.json) ## fail on any known vulnerability the code reaches (govulncheck and its database, pinned)
	$(GO) version
	$(GO) run golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION) -db $(VULNDB) ./...

# Written to a temporary folder first so that an interrupted run does not leave
# a partial database that looks complete.
$(VULNDB_DIR)/index/db.json:
	@set -e; \
	src=$$($(GO) mod download -json golang.org/x/vulndb@$(VULNDB_VERSION) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
	test -n "$$src" || { echo "vulncheck: cannot download golang.org/x/vulndb@$(VULNDB_VERSION)" >&2; exit 1; }; \
	rm -rf $(VULNDB_DIR) $(VULNDB_DIR).tmp; \
	echo "$(GO) run golang.org/x/vulndb/cmd/indexdb@$(VULNDB_VERSION) -vulns $$src/data/osv -out $(VULNDB_DIR)"; \
	$(GO) run golang.org/x/vulndb/cmd/indexdb@$(VULNDB_VERSION) -vulns "$$src/data/osv" -out $(VULNDB_DIR).tmp; \
	mv $(VULNDB_DIR).tmp $(VULNDB_DIR)

# The fuzz round counts executions (20000x: 1–5 s a target on this
# machine) rather than seconds: with a duration, Go 1.26's coordinator can
# report "context deadline exceeded" at the deadline on a loaded machine,
# a failure with no input to show (golang/go#75804, fixed in Go 1.27;
# FuzzReadCSV in CI, 2026-12-01).
# The -timeout catches a hung test, not a slow suite: cmd/newsgraph took
# 12–22 minutes under -race on a 2-core machine (CI, 2026-11-30; 12 since
# queries read the stored aggregates), which leaves a slower machine room.
test: vulncheck ## govulncheck, go vet, every test with the race detector (the Neo4j ones take minutes), then a short round of each fuzz target (what CI runs)
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 45m ./...
	$(MAKE) --no-print-directory fuzz FUZZTIME=20000x

bench: ## benchmarks (no tests)
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-ingest: ## ingest ../shared/corpora/ar-news-2022 into SQLite and Neo4j (needs NEWSGRAPH_TEST_NEO4J_URI; see make neo4j-up)
	$(GO) test -run '^$$' -bench BenchmarkIngestCorpus -benchtime 1x -timeout 60m ./cmd/newsgraph

bench-reingest: ## first ingest of ../shared/corpora/ar-news-2022 vs re-ingests of it unchanged, SQLite and Neo4j (needs NEWSGRAPH_TEST_NEO4J_URI)
	$(GO) test -run '^$$' -bench BenchmarkReingestUnchanged -benchtime 5x -count 3 -timeout 60m ./cmd/newsgraph

bench-query: ## time projections, the centrality table, communities and paths on ar-news-2022 (ingested once into SQLite)
	$(GO) test -run '^$$' -bench BenchmarkQueryCorpus -benchtime 3x -timeout 30m ./cmd/newsgraph

# The scale benchmark (issue 16; docs/query-performance.md, Scale): corpora of
# SIZES articles recombined from ../shared/corpora/ar-news-2022, kept in
# SCALE_DIR (outside the repository: 10k is 60 MB, 100k 0.6 GB, 1M 6 GB).
# The long run is make bench-scale SIZES=1000000: hours on 2 cores, and about
# 23 GB of disk for the corpus (5.5 GB) and its SQLite store (16.6 GB measured).
SIZES     ?= 10000,100000
SCALE_DIR ?= /tmp/newsgraph-scale
bench-scale: ## ingest synthetic corpora of SIZES (10000,100000; the long run: SIZES=1000000) into SQLite (and Neo4j with NEWSGRAPH_TEST_NEO4J_URI, which is EMPTIED), time every query cold and warm; SCALE_DIR/results.md
	@for v in USERNAME PASSWORD DATABASE; do \
		eval "t=\$${NEWSGRAPH_TEST_NEO4J_$$v:-}"; if [ -n "$$t" ]; then export NEO4J_$$v="$$t"; fi; \
	done; \
	echo "$(GO) run ./cmd/benchscale -sizes $(SIZES) -out $(SCALE_DIR) $(if $(NEWSGRAPH_TEST_NEO4J_URI),-neo4j $(NEWSGRAPH_TEST_NEO4J_URI))"; \
	$(GO) run ./cmd/benchscale -sizes $(SIZES) -out $(SCALE_DIR) $(if $(NEWSGRAPH_TEST_NEO4J_URI),-neo4j $(NEWSGRAPH_TEST_NEO4J_URI))

# The report of issue 19: every benchmark a figure in the README or docs/ rests
# on, REPS repetitions after warm-ups, written to docs/benchmarks.md (see
# cmd/benchreport). The neo4j group needs NEWSGRAPH_TEST_NEO4J_URI (make
# neo4j-up) and EMPTIES that database; the peers are installed by pip into
# BENCH_VENV. About 15 minutes without Neo4j on 2 cores; SIZES=10000,100000
# adds about 30 (the scale ladder's 100k rung, three times).
REPS        ?= 3
BENCH_SIZES ?= 10000
# ONLY=GROUPS runs some groups and writes their report to BENCH_OUT, never
# over docs/benchmarks.md, the full report the docs quote.
BENCH_WHAT = $(if $(ONLY),-only $(ONLY) $(if $(BENCH_OUT),-out $(BENCH_OUT)),-out docs/benchmarks.md)
bench-report: ## run every benchmark the docs quote (REPS=3 repetitions, BENCH_SIZES=10000; ONLY=sqlite,scale,extract,query,neo4j with BENCH_OUT=FILE; Neo4j with NEWSGRAPH_TEST_NEO4J_URI, EMPTIED) and write docs/benchmarks.md
	@for v in USERNAME PASSWORD DATABASE; do \
		eval "t=\$${NEWSGRAPH_TEST_NEO4J_$$v:-}"; if [ -n "$$t" ]; then export NEO4J_$$v="$$t"; fi; \
	done; \
	echo "$(GO) run ./cmd/benchreport -reps $(REPS) -sizes $(BENCH_SIZES) $(BENCH_WHAT)"; \
	$(GO) run ./cmd/benchreport -reps $(REPS) -sizes $(BENCH_SIZES) $(BENCH_WHAT)

FUZZTIME ?= 20s
FUZZ_INGEST = FuzzParseDate FuzzCollapseSpace FuzzNFC FuzzReadText FuzzReadJSONL FuzzReadJSON FuzzReadCSV FuzzReadFeed FuzzReadHTML

fuzz: ## fuzz each reader, the date parser, the tokenizer and the transliteration score for FUZZTIME (default 20s; a count such as 20000x runs that many inputs) each
	$(GO) test -run '^$$' -fuzz '^FuzzTokens$$' -fuzztime $(FUZZTIME) ./graph/norm
	$(GO) test -run '^$$' -fuzz '^FuzzScore$$' -fuzztime $(FUZZTIME) ./graph/translit
	@for f in $(FUZZ_INGEST); do \
		echo "$(GO) test -run '^$$' -fuzz '^$$f\$$' -fuzztime $(FUZZTIME) ./ingest/read"; \
		$(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) ./ingest/read || exit 1; \
	done

neo4j-up: ## start a local Neo4j 5.26 (Java launcher, empty database; NEO4J_KEEP_DATA=1 keeps it) and print its exports
	@graph/neo4j/testserver/up.sh

neo4j-down: ## stop the local Neo4j
	@graph/neo4j/testserver/down.sh

test-neo4j: ## make test against a local Neo4j started (and stopped) for the run
	@set -e; lines=$$(graph/neo4j/testserver/up.sh); eval "$$lines"; \
	export NEWSGRAPH_TEST_NEO4J_URI=$$NEO4J_URI NEWSGRAPH_TEST_REQUIRE_NEO4J=1; \
	trap 'graph/neo4j/testserver/down.sh' EXIT; $(MAKE) test

GUIDE_PORT ?= 8001

browser-guide: ## serve docs/browser (the guide, the style) on localhost:8001 (GUIDE_PORT) for :play http://localhost:8001/guide.html
	graph/neo4j/testserver/guideserver.py $(GUIDE_PORT)

# Not part of `make test`: it needs Debian's chromium (apt-get install -y chromium), Node.js 20
# and npm, and takes about a minute. NEO4J_BOLT_PORT and NEO4J_HTTP_PORT move the server.
browser-check: ## headless Chromium: the Neo4j Browser on the seed data with our style, and every block of the guide (local Neo4j started and stopped; see graph/neo4j/testserver/browsercheck)
	@set -e; $(GO) build -o bin/newsgraph-browsercheck ./cmd/newsgraph; \
	lines=$$(graph/neo4j/testserver/up.sh); eval "$$lines"; \
	graph/neo4j/testserver/guideserver.py $(GUIDE_PORT) & guide=$$!; \
	trap 'kill $$guide; graph/neo4j/testserver/down.sh' EXIT; \
	bin/newsgraph-browsercheck --store "$$NEO4J_URI" ingest testdata/; \
	NEO4J_HTTP_PORT=$${NEO4J_HTTP_PORT:-7474} BROWSERCHECK_GUIDE_URL=http://localhost:$(GUIDE_PORT)/guide.html \
		graph/neo4j/testserver/browsercheck/run.sh

# Each SVG is shot at its own size (its width and height attributes) on white.
PICTURES_STORE := bin/pictures-seed.db
FAKES          ?= ../shared/corpora/en-fakes-syria/fakes.csv
FAKES_STORE    := bin/pictures-fakes.db
pictures: build ## the README's pictures (query neighbors, path, timeline --format svg; the seed's, and FA-KES's when ../shared is there) rendered to PNG in docs/pictures with headless Chromium
	@command -v chromium >/dev/null || { echo "pictures: chromium not found (apt-get install -y chromium)" >&2; exit 2; }
	rm -f $(PICTURES_STORE) $(PICTURES_STORE)-wal $(PICTURES_STORE)-shm
	$(BIN) --store $(PICTURES_STORE) ingest testdata/
	$(BIN) --store $(PICTURES_STORE) query neighbors Kadhimi --format svg > bin/neighbors-kadhimi-seed.svg
	$(BIN) --store $(PICTURES_STORE) query path Kadhimi Raisi --edges sentence --format svg > bin/path-kadhimi-raisi-seed.svg
	@set -e; svgs="bin/neighbors-kadhimi-seed.svg bin/path-kadhimi-raisi-seed.svg"; \
	if [ -f $(FAKES) ]; then \
		rm -f $(FAKES_STORE) $(FAKES_STORE)-wal $(FAKES_STORE)-shm; \
		$(BIN) --store $(FAKES_STORE) ingest -q --encoding windows-1252 --date-order mdy --map id=unit_id $(FAKES) || test $$? -eq 3; \
		$(BIN) --store $(FAKES_STORE) query neighbors "Bashar al-Assad" --top 12 --format svg > bin/neighbors-assad.svg; \
		$(BIN) --store $(FAKES_STORE) query path "Bashar al-Assad" "Jabhat al-Nusra" --k 3 --max-hops 2 --weighted --format svg > bin/path-assad-nusra.svg; \
		$(BIN) --store $(FAKES_STORE) query timeline Syria "Bashar al-Assad" Russia "Islamic State" --format svg > bin/timeline-syria.svg; \
		svgs="$$svgs bin/neighbors-assad.svg bin/path-assad-nusra.svg bin/timeline-syria.svg"; \
	else echo "pictures: $(FAKES) not found; the FA-KES pictures are left as they are"; fi; \
	for svg in $$svgs; do \
		w=$$(grep -o '<svg[^>]*>' $$svg | head -1 | sed -n 's/.* width="\([0-9.]*\)".*/\1/p'); \
		h=$$(grep -o '<svg[^>]*>' $$svg | head -1 | sed -n 's/.* height="\([0-9.]*\)".*/\1/p'); \
		png=docs/pictures/$$(basename $$svg .svg).png; \
		echo "chromium --screenshot=$$png --window-size=$${w%.*},$${h%.*} $$svg"; \
		chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=FFFFFFFF \
			--window-size=$$(( $${w%.*} + 1 )),$$(( $${h%.*} + 1 )) --screenshot=$(CURDIR)/$$png file://$(CURDIR)/$$svg 2>/dev/null; \
	done

clean: ## remove build output
	rm -rf bin
