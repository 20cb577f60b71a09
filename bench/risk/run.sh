#!/usr/bin/env bash
# Risk assessor throughput (decisions per second, 8 threads, embedded PostgreSQL). Usage: bench/risk/run.sh
# The benchmark is a JUnit class outside the test suite: the Maven profile "bench" adds bench/risk/src/test/java to
# the test sources for this one run. It prints one line: event=risk_benchmark assessments=… perSecond=…
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break; done
fi
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -Pbench test -Dtest=RiskThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false | grep 'event=risk_benchmark'
