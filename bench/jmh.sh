#!/usr/bin/env bash
# The JMH benchmarks: the core at 1k/10k/100k VMs (CoreBench) and the placement against CloudSim
# Plus (CloudSimBench), in one JMH run. Extra arguments go to JMH, e.g.
#   bench/jmh.sh CoreBench.simulate -p vms=100000
# The same as: mvn -B -Pbench test-compile exec:exec -Djmh.args="CoreBench CloudSimBench -f 1 -wi 5 -i 10 -w 1s -r 1s -prof gc"
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=${*:-CoreBench CloudSimBench}
exec mvn -B -q -Pbench test-compile exec:exec -Djmh.args="$ARGS -f 1 -wi 5 -i 10 -w 1s -r 1s -prof gc -rf json -rff target/jmh-result.json"
