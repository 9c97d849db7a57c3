#!/usr/bin/env bash
# The one documented bench command: builds everything (with the bench module) and runs every
# benchmark, ending with a summary block. Runs from the repository root wherever it is called from.
# Extra arguments go to the bench, e.g.  bench/run.sh --kb shipped --duration 10
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -Pbench -DskipTests package
exec java -jar bench/target/linli-bench.jar all "$@"
