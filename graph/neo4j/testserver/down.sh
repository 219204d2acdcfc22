#!/usr/bin/env bash
# Stop the test server started by up.sh: SIGTERM (clean shutdown via the JVM shutdown hook),
# wait up to NEO4J_STOP_TIMEOUT seconds (default 60), then SIGKILL. Safe to run when nothing runs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
state="${NEWSGRAPH_NEO4J_DIR:-$repo/.neo4j-test}"
pidfile="$state/neo4j.pid"
timeout_s="${NEO4J_STOP_TIMEOUT:-60}"

say() { echo "neo4j-testserver: $*" >&2; }
is_ours() {
  local args
  args="$(ps -o args= -p "$1" 2>/dev/null || true)"
  [[ "$args" == *newsgraph-neo4j-testserver.jar* ]]
}

if [[ ! -f "$pidfile" ]]; then
  say "not running (no $pidfile)"
  exit 0
fi
pid="$(cat "$pidfile")"
if [[ -z "$pid" ]] || ! is_ours "$pid"; then
  say "not running (stale pid file)"
  rm -f "$pidfile"
  exit 0
fi

say "stopping pid $pid"
kill -TERM "$pid" 2>/dev/null || true
start=$SECONDS
while is_ours "$pid"; do
  if (( SECONDS - start >= timeout_s )); then
    say "still running after ${timeout_s}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    break
  fi
  sleep 0.5
done
rm -f "$pidfile"
say "stopped after $((SECONDS - start))s"
