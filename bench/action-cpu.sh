#!/usr/bin/env bash
# Server CPU per sandbox action (issue 14): starts `cloud-lab serve` on a fresh database, sets up a
# workshop with 100 learners (-Dlearners) whose sandboxes each start from bench/action-layout.yaml (8 hosts, 24 VMs), and has
# cloudlab.bench.ActionCpu add and remove a VM as the page's script does, reading the server's CPU
# time from /proc. Arguments: warm-up actions (default 3000: after 600 the JIT compilers' work still
# filled the figure, about 8-10 ms an action against 4.2 after 3000 on the same code), measured actions
# (default 1000); SERVER_OPTS adds JVM options to the server (say
# -XX:StartFlightRecording=filename=/tmp/a.jfr for a profile); GZIP=1 has the learners ask for gzip.
set -euo pipefail
cd "$(dirname "$0")/.."
WARM=${1:-3000}
N=${2:-1000}
CP=$(bench/classpath.sh)
DIR=$(mktemp -d)
PORT=${PORT:-17071}
trap 'kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$DIR"' EXIT
echo "bench-password-123" > "$DIR/pw"
java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn cloudlab.cli.Main instructor add bench --password-file "$DIR/pw" --db "$DIR/db" >/dev/null
java -Xmx512m ${SERVER_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cloudlab.cli.Main serve --port "$PORT" --db "$DIR/db" >"$DIR/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbase="http://127.0.0.1:$PORT" -Dlearners=${LEARNERS:-100} -Dclients=1 -Dgzip=${GZIP:+true} \
    -Dlayout=bench/action-layout.yaml -DclkTck="$(getconf CLK_TCK)" -cp "$CP" cloudlab.bench.ActionCpu "$SERVER" "$WARM" "$N"
