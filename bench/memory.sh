#!/usr/bin/env bash
# Heap held by a layout of 10,000 hosts and 100,000 VMs (see cloudlab.bench.LayoutMemory).
# Optional arguments: hosts, VMs per host.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cloudlab.bench.LayoutMemory "$@"
