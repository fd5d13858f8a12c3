#!/usr/bin/env bash
# HTTP benchmarks of the real server in process on 127.0.0.1 (see cloudlab.bench.HttpBench):
# hello, lesson page, sandbox action and instructor grid at saturation, then a 200-learner
# workshop. Bounded: about 2 minutes with the defaults. Extra arguments are JVM options, e.g.
#   bench/http.sh -DthinkMs=3000 -DworkshopSeconds=60
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" -cp "$CP" cloudlab.bench.HttpBench
