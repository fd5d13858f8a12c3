#!/usr/bin/env bash
# The time benchmark (TimeBench): one simulated hour, ours (fair and proportional) beside CloudSim
# Plus 8.5.7 on the same workload, in ONE JMH run. The argument is the number of hosts (10 VMs each):
#   bench/time.sh          # 1,000 hosts / 10,000 VMs (CloudSim Plus takes about half a minute there)
#   bench/time.sh 20       # a quick check that both sides run
#   bench/time.sh 10000 TimeBench.ours    # ours alone at 10,000 hosts / 100,000 VMs
# JMH runs from a copy of the compiled classes, so a build in this worktree during the run cannot
# take a benchmark away from under it. Results: target/jmh-time.json. MVN_ARGS= (empty) lets Maven
# go online for missing jars.
set -euo pipefail
cd "$(dirname "$0")/.."
HOSTS=${1:-1000}
WHICH=${2:-TimeBench}
bench/classpath.sh ${MVN_ARGS--o} > /dev/null   # offline by default: ~/.m2 holds the bench profile's jars
RUN=$(mktemp -d)
trap 'rm -rf "$RUN"' EXIT
cp -r target/classes target/test-classes "$RUN"/
java -cp "$RUN/test-classes:$RUN/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$WHICH" -p hosts="$HOSTS" -rf json -rff target/jmh-time.json
