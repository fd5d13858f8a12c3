#!/usr/bin/env bash
# Time and size of the page of the largest sandbox the caps allow (Caps.MAX_HOSTS hosts, Caps.MAX_VMS VMs: 80 and 800), whole
# and as the htmx fragment, rendered by the lab in-process (cloudlab.web.LargestSandboxPageBench).
# The aim is under 1 s and under 2 MB. Optional arguments: rounds after the first (default 5), then
# "cold" to view it without the start-up warm-up that `serve` runs in the background (App.warmUp).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cloudlab.web.LargestSandboxPageBench "$@"
