#!/usr/bin/env bash
# Compiles the lab and its benchmarks (Maven profile "bench": JMH and CloudSim Plus, test scope
# only, never in target/cloud-lab.jar) and prints the class path to run a benchmark main with.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test "$@" >&2
echo "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
