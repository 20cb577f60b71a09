#!/usr/bin/env bash
# Issue 12: decisions per second without an audit row, with an unchained audit row (the platform's way) and with the
# row chained inside the decision's transaction (a hot row). Usage: bench/e2e/audit-append.sh [transactions] [clients]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break; done
fi
export PATH="$JAVA_HOME/bin:$PATH"
mvn -q -B -f bench/e2e/pom.xml package
java -cp "bench/e2e/target/classes:$(cat bench/e2e/target/classpath.txt)" \
  io.singlewindow.bench.AuditAppendBenchmark "${1:-4000}" "${2:-16}"
