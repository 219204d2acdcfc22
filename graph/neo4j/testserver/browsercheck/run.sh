#!/usr/bin/env bash
# Checks, in a real headless Chromium, that the Neo4j Browser served by the test server connects,
# takes our style file (docs/browser/newsgraph.grass) and draws the newsgraph graph.
#
# Assumes a server is already up WITH DATA, e.g. from the repo root:
#   lines=$(graph/neo4j/testserver/up.sh) && eval "$lines"     # or: make neo4j-up, then source .neo4j-test/env.sh
#   go build -o /tmp/newsgraph ./cmd/newsgraph && /tmp/newsgraph --store "$NEO4J_URI" ingest testdata/
#   graph/neo4j/testserver/browsercheck/run.sh [OUTPUT_DIR]   # default /tmp/newsgraph-browsercheck
#
# Needs Debian's chromium (apt-get install -y chromium) and Node.js >= 20 with npm.
# Reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_HTTP_URL (default
# http://127.0.0.1:${NEO4J_HTTP_PORT:-7474}); see check.mjs for the other knobs.
# Exit status: 0 pass, 1 a check failed, 2 setup problem.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-${BROWSERCHECK_OUT:-/tmp/newsgraph-browsercheck}}
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}

if [[ ! -x $chromium ]]; then
  echo "browsercheck: $chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browsercheck: node and npm (Node.js >= 20) are needed" >&2
  exit 2
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "browsercheck: Node.js >= 20 is needed (playwright-core), found $(node --version)" >&2
  exit 2
fi
if [[ -z ${NEO4J_PASSWORD:-} ]]; then
  echo "browsercheck: NEO4J_PASSWORD is not set; eval the lines up.sh prints (or source its env.sh)" >&2
  exit 2
fi

# npm ci when node_modules is missing or older than the lock file.
if [[ ! -d $here/node_modules/playwright-core || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
  echo "browsercheck: npm ci" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

export NEO4J_HTTP_URL=${NEO4J_HTTP_URL:-http://127.0.0.1:${NEO4J_HTTP_PORT:-7474}}
export CHROMIUM_PATH=$chromium
exec node "$here/check.mjs" "$out"
