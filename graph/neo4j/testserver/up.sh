#!/usr/bin/env bash
# Start the in-process Neo4j Community test server in the background and print eval-able exports:
#
#   lines=$(graph/neo4j/testserver/up.sh) && eval "$lines"
#
# stdout carries only the three `export` lines; all progress goes to stderr.
# See README.md in this directory for the environment variables.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
state="${NEWSGRAPH_NEO4J_DIR:-$repo/.neo4j-test}"
bolt_port="${NEO4J_BOLT_PORT:-7687}"
http_port="${NEO4J_HTTP_PORT:-7474}"
timeout_s="${NEO4J_START_TIMEOUT:-180}"
jar="$here/target/newsgraph-neo4j-testserver.jar"
pidfile="$state/neo4j.pid"
logfile="$state/neo4j.log"
envfile="$state/env.sh"

say() { echo "neo4j-testserver: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# JVM flags. The three --add-opens silence Neo4j's reflection fallbacks on Java 17 (java.nio: page
# cache DirectByteBuffer access; java.io + sun.nio.ch: native file-descriptor access for transaction logs);
# without them Neo4j still runs but logs WARNs to debug.log and takes slower code paths.
# -XX:TieredStopAtLevel=1 (C1 only) cuts cold start on a 2-core box by ~30%; override with
# NEO4J_JAVA_OPTS="-XX:TieredStopAtLevel=4" for long, CPU-heavy runs.
jvm_opts=(
  -XX:+UseG1GC
  -Xms256m "-Xmx${NEO4J_HEAP:-1g}"
  -XX:TieredStopAtLevel=1
  -XX:-OmitStackTraceInFastThrow
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Dlog4j2.disable.jmx=true
)
if [[ -n "${NEO4J_JAVA_OPTS:-}" ]]; then
  read -r -a extra <<<"$NEO4J_JAVA_OPTS"
  jvm_opts+=("${extra[@]}")
fi

is_ours() { # pid -> true if it is a live launcher process
  local args
  args="$(ps -o args= -p "$1" 2>/dev/null || true)"
  [[ "$args" == *newsgraph-neo4j-testserver.jar* ]]
}
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

mkdir -p "$state"
chmod 700 "$state"

# Already running: print the exports of the running server again.
if [[ -f "$pidfile" ]]; then
  pid="$(cat "$pidfile")"
  if [[ -n "$pid" ]] && is_ours "$pid"; then
    [[ -f "$envfile" ]] || die "server pid $pid is running but $envfile is missing; run down.sh and up.sh again"
    say "already running (pid $pid)"
    if [[ "${NEO4J_GDS:-0}" == 1 ]] && ! grep -q ", plugins " "$logfile" 2>/dev/null; then
      say "note: the running server was started without NEO4J_GDS=1; run down.sh first to get GDS"
    fi
    if [[ -n "${NEO4J_PASSWORD:-}" ]] && ! grep -qxF "$(printf 'export NEO4J_PASSWORD=%q' "$NEO4J_PASSWORD")" "$envfile"; then
      say "note: the running server uses the password from $envfile, not \$NEO4J_PASSWORD"
    fi
    cat "$envfile"
    exit 0
  fi
  say "removing stale pid file ($pid is not running)"
  rm -f "$pidfile"
fi

command -v java >/dev/null || die "java not found (Java 17 or 21 is required)"

# NEO4J_GDS=1: build with the Maven profile "gds" (Graph Data Science procedures, see pom.xml) and
# let the server load them. target/.profile records which build target/ holds; switching rebuilds it.
profile=default
mvn_profile=()
if [[ "${NEO4J_GDS:-0}" == 1 ]]; then
  profile=gds
  mvn_profile=(-Pgds)
fi
built_profile="$(cat "$here/target/.profile" 2>/dev/null || echo default)"

# Build the jar if it is missing or older than its sources, or was built with the other profile.
if [[ ! -f "$jar" || ! -d "$here/target/lib" || "$here/pom.xml" -nt "$jar" || "$built_profile" != "$profile" ]] ||
   [[ -n "$(find "$here/src" -newer "$jar" -type f -print -quit)" ]]; then
  command -v mvn >/dev/null || die "mvn not found; it is needed to build $jar"
  say "building $jar (mvn ${mvn_profile[*]} package)"
  rm -f "$here/target/neo4j-testserver.jsa"  # a CDS archive is tied to the exact jars
  # copy-dependencies only adds jars, and resources are copied without removing stale ones (the gds
  # profile's META-INF/services entry would outlive it): start lib/, plugins/ and classes/ afresh.
  rm -rf "$here/target/lib" "$here/target/plugins" "$here/target/classes" "$here/target/.profile"
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" "${mvn_profile[@]}" package -DskipTests >&2 ||
    die "maven build failed"
  echo "$profile" >"$here/target/.profile"
fi
plugins=""
if [[ "$profile" == gds ]]; then
  plugins="$here/target/plugins"
  [[ -d "$plugins" ]] || die "$plugins is missing after the gds build"
fi

if [[ "${NEO4J_CDS:-0}" == 1 ]]; then
  # Opt-in AppCDS: the first run dumps a class archive at JVM exit (~130 MB, adds ~10 s to that
  # shutdown); later starts map it and reach "ready" ~5 s sooner. Regenerated when the jar is newer.
  jsa="$here/target/neo4j-testserver.jsa"
  if [[ -f "$jsa" && "$jsa" -nt "$jar" ]]; then jvm_opts+=("-XX:SharedArchiveFile=$jsa")
  else rm -f "$jsa"; jvm_opts+=("-XX:ArchiveClassesAtExit=$jsa"); fi
  jvm_opts+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
fi

# Password: $NEO4J_PASSWORD, else the one from the previous run, else a new random one.
password="${NEO4J_PASSWORD:-}"
if [[ -z "$password" && -f "$envfile" ]]; then
  password="$(sed -n 's/^export NEO4J_PASSWORD=//p' "$envfile")"
  [[ "$password" =~ ^[A-Za-z0-9]+$ ]] || password=""  # only reuse values we generated
fi
if [[ -z "$password" ]]; then
  password="$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-24)"
fi
(( ${#password} >= 8 )) || die "NEO4J_PASSWORD must be at least 8 characters (Neo4j 5 rule)"

port_open "$bolt_port" && die "port $bolt_port (bolt) is already in use on 127.0.0.1; set NEO4J_BOLT_PORT"
if [[ "$http_port" != 0 ]] && port_open "$http_port"; then
  die "port $http_port (http) is already in use on 127.0.0.1; set NEO4J_HTTP_PORT (0 disables HTTP)"
fi

(
  umask 077
  printf 'export NEO4J_URI=%q\n' "bolt://127.0.0.1:$bolt_port"
  printf 'export NEO4J_USERNAME=neo4j\n'
  printf 'export NEO4J_PASSWORD=%q\n' "$password"
) >"$envfile.tmp"
chmod 600 "$envfile.tmp"
mv "$envfile.tmp" "$envfile"

say "starting (bolt 127.0.0.1:$bolt_port, http ${http_port}, state $state)"
[[ -f "$logfile" ]] && mv -f "$logfile" "$logfile.1"
start=$SECONDS
NEO4J_PASSWORD="$password" \
NEWSGRAPH_NEO4J_HOME="$state/home" \
NEO4J_BOLT_PORT="$bolt_port" \
NEO4J_HTTP_PORT="$http_port" \
NEWSGRAPH_NEO4J_PLUGINS="$plugins" \
  nohup java "${jvm_opts[@]}" -jar "$jar" >"$logfile" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pidfile"

while :; do
  if ! is_ours "$pid"; then  # (not kill -0: that also succeeds for an unreaped zombie)
    rm -f "$pidfile"
    say "server exited during startup; last lines of $logfile:"
    tail -n 30 "$logfile" >&2 || true
    exit 1
  fi
  if grep -q "^neo4j ready bolt://127.0.0.1:$bolt_port\$" "$logfile" && port_open "$bolt_port"; then
    break
  fi
  if (( SECONDS - start >= timeout_s )); then
    say "not ready after ${timeout_s}s; last lines of $logfile:"
    tail -n 30 "$logfile" >&2 || true
    "$here/down.sh" >&2 || true
    exit 1
  fi
  sleep 0.5
done

say "ready after $((SECONDS - start))s (pid $pid, log $logfile, data $state/home)"
[[ "$http_port" != 0 ]] && say "browser: http://127.0.0.1:$http_port/browser/"
cat "$envfile"
