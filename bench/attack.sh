#!/usr/bin/env bash
# The attack replay of issue 16 against the packaged lab as the README starts it (-Xmx256m), on
# loopback: a warm-up phase (the server's first seconds, reported on its own), a quiet one, then each
# attack in turn (slow bodies, big bodies, many sandboxes, many learners, huge
# imports, tiny numbers, sign-in guessing, bad charsets) for PHASE_SECONDS (default 15) while
# /healthz and a normal learner's sandbox action are timed (p99 per phase) and 5xx are counted
# (cloudlab.bench.AttackReplay); then every write the normal learner was told succeeded must be
# in their export. Then a soak of SOAK_MINUTES (default 10; 0 for none) replays the attacks again
# with the heap in use printed after each minute. Last, the server is stopped and SQLite's
# PRAGMA integrity_check must say ok. Exits 1 when any check fails. PORT defaults to 7105.
# ONLY=text runs only the attacks whose phase name contains the text (e.g. ONLY=big); SERVER_OPTS
# adds JVM options to the server (e.g. SERVER_OPTS=-XX:StartFlightRecording=filename=/tmp/a.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-7105}
PHASE_SECONDS=${PHASE_SECONDS:-15}
SOAK_MINUTES=${SOAK_MINUTES:-10}
[ -f target/cloud-lab.jar ] || mvn -B -q package -DskipTests >&2
CP=$(bench/classpath.sh)
WORK=$(mktemp -d)
DB="$WORK/cloud-lab.db"
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

java -Xmx256m -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar target/cloud-lab.jar serve --port "$PORT" --db "$DB" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
heap() { jcmd "$PID" GC.heap_info 2>/dev/null | awk '/total/ {for (i=1;i<=NF;i++) if ($i=="used") print "heap used " $(i+1); exit}'; }
replay() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cloudlab.bench.AttackReplay "http://127.0.0.1:$PORT" "$1" "${ONLY:-}"; }

status=0
echo "== attack replay, ${PHASE_SECONDS} s a phase, server -Xmx256m"
replay "$PHASE_SECONDS" || status=1
echo "after the replay: $(heap)"
for minute in $(seq 1 "$SOAK_MINUTES"); do
  replay 6 >"$WORK/soak.txt" || { status=1; cat "$WORK/soak.txt"; }
  echo "soak minute $minute: $(heap); $(tail -1 "$WORK/soak.txt")"
done
if grep -q "OutOfMemoryError" "$WORK/server.log"; then echo "the server ran out of memory"; status=1; fi
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
java -cp "$CP" cloudlab.bench.AttackReplay integrity "$DB" || status=1
exit $status
