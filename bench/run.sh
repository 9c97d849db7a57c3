#!/usr/bin/env bash
# The one documented bench command: builds everything (with the bench module) and runs every
# benchmark, ending with a summary block. Runs from the repository root wherever it is called from.
#   bench/run.sh                  every benchmark (search, startup, http, votes, tickets)
#   bench/run.sh ask              /api/v1/ask on the mixed question set: wrk -c32 on the service
#                                 (20 s warm-up, 30 s measured), then in-process lexical and hybrid
#                                 latency on the shipped and 5,000-guide KBs, with the targets checked
#   bench/run.sh search|http|startup|votes|tickets   one part
#   bench/run.sh topology         1 instance on standalone Redis against 2 on a 3-master Cluster (redis-server)
# Extra arguments go to the bench, e.g.  bench/run.sh --kb shipped --duration 10
set -euo pipefail
cd "$(dirname "$0")/.."
command=all
case "${1:-}" in
  all|search|http|startup|votes|tickets|topology|ask|synth) command=$1; shift ;;
esac
# The votes, tickets and ask benchmarks load the service with wrk (C): on a 2-core machine the Java
# load generator would take a third of the CPU the service needs. 'ask' needs it.
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
      || echo "wrk could not be installed (try: apt-get install -y wrk); votes uses the Java load generator, ask fails"
  else
    echo "wrk is not installed: install it (Debian/Ubuntu: sudo apt-get install -y wrk; macOS: brew install wrk)"
  fi
fi
mvn -q -Pbench -DskipTests package
exec java -jar bench/target/linli-bench.jar "$command" "$@"
