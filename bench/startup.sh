#!/usr/bin/env bash
# Start-up and footprint of the packaged lab:
#   1. time from `java -jar target/cloud-lab.jar serve` to the first served page (GET / answers
#      200), on a fresh database (migrations included) and again on the existing one;
#   2. resident memory (VmRSS, and the peak VmHWM) of that server while 200 learners work in a
#      workshop (cloudlab.bench.HttpBench -Dmode=workshop in a separate JVM, so its memory is not
#      counted), with the JVM's default options, as a user would start it.
# Builds the jar if it is missing. Bounded: about 2 minutes. Optional: LOAD_SECONDS (default 60;
# latencies are measured after WARMUP_SECONDS, default 20, of the same load; RSS is sampled throughout),
# JAVA_OPTS for the server (default none), THINK_MS (default 1000), CDS=1 to start the server
# with an application class-data archive (target/cloud-lab.jsa, made by one training start).
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS=${LOAD_SECONDS:-60}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
THINK_MS=${THINK_MS:-1000}
JAVA_OPTS=${JAVA_OPTS:-}
[ -f target/cloud-lab.jar ] || mvn -B -q package -DskipTests >&2
CP=$(bench/classpath.sh)
WORK=$(mktemp -d)
DB="$WORK/cloud-lab.db"
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start PORT: starts the server in the background; sets PID, and ELAPSED to the ms until GET / is 200
start() {
  local port=$1 t0 code
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar target/cloud-lab.jar serve --port "$port" --db "$DB" >"$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
    if [ "$code" = 200 ]; then
      ELAPSED=$(( $(now_ms) - t0 ))
      read -r -a st <"/proc/$PID/stat"
      CPU=$(( (st[13] + st[14]) * 1000 / $(getconf CLK_TCK) ))
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; return 1; }
    sleep 0.01
  done
  echo "no page after 30 s" >&2; return 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
kb() { awk -v k="$1" '$1==k":" {print $2}' "/proc/$PID/status"; }

if [ "${CDS:-0}" = 1 ]; then
  if [ ! -f target/cloud-lab.jsa ]; then
    SAVED=$JAVA_OPTS; JAVA_OPTS="$JAVA_OPTS -XX:ArchiveClassesAtExit=target/cloud-lab.jsa"
    PORT=$(free_port); start "$PORT"; curl -s -o /dev/null "http://127.0.0.1:$PORT/lessons/01-why-virtualize"; stop
    JAVA_OPTS=$SAVED; rm -f "$DB"*
  fi
  JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=target/cloud-lab.jsa"
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS='${JAVA_OPTS}'"
PORT=$(free_port)
start "$PORT"
echo "first page, fresh database:    $ELAPSED ms (CPU used by then: $CPU ms)"
echo "RSS idle after first page:     $(( $(kb VmRSS) / 1024 )) MB"
stop
printf 'bench-password-123\n' >"$WORK/pw"
java -jar target/cloud-lab.jar instructor add bench --password-file "$WORK/pw" --db "$DB" >/dev/null
PORT=$(free_port)
start "$PORT"
echo "first page, existing database: $ELAPSED ms (CPU used by then: $CPU ms)"

java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbase="http://127.0.0.1:$PORT" -Dmode=workshop \
     -Dwarmup="$WARMUP_SECONDS" -DworkshopSeconds="$LOAD_SECONDS" -DthinkMs="$THINK_MS" -cp "$CP" cloudlab.bench.HttpBench >"$WORK/load.log" 2>&1 &
LOAD=$!
MAX=0
while kill -0 "$LOAD" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "the server stopped under load:" >&2; tail -40 "$WORK/server.log" >&2; kill "$LOAD"; exit 1; }
  R=$(kb VmRSS); [ "$R" -gt "$MAX" ] && MAX=$R
  sleep 1
done
wait "$LOAD" || { cat "$WORK/load.log" >&2; exit 1; }
grep -v '^SLF4J' "$WORK/load.log"
echo "RSS with 200 learners: now $(( $(kb VmRSS) / 1024 )) MB, highest sampled $(( MAX / 1024 )) MB, peak (VmHWM) $(( $(kb VmHWM) / 1024 )) MB"
stop
