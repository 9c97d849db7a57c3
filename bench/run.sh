#!/usr/bin/env bash
# The one documented bench command: builds everything (with the bench module) and runs every
# benchmark, ending with a summary block. Runs from the repository root wherever it is called from.
# Extra arguments go to the bench, e.g.  bench/run.sh --kb shipped --duration 10
set -euo pipefail
cd "$(dirname "$0")/.."
# The votes benchmark loads the service with wrk (C) when it is installed: on a 2-core machine the
# Java load generator would take a third of the CPU the service needs.
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
    || echo "wrk could not be installed; the votes benchmark uses the Java load generator"
fi
mvn -q -Pbench -DskipTests package
exec java -jar bench/target/linli-bench.jar all "$@"
