#!/usr/bin/env bash
# End-to-end throughput benchmark (issue 8). Usage: bench/e2e/run.sh [declarations=5000] [clients=32]
# BENCH_OPTS="-Dbench.jfr=true" also records a JFR profile of the platform in target/bench-platform.jfr;
# BENCH_OPTS="-Dbench.explainMillis=25" logs the plan of every statement slower than 25 ms (PostgreSQL's auto_explain).
# Builds the platform jar and the benchmark client, then runs them against a fresh PostgreSQL 17 started durable
# (fsync, synchronous_commit, full_page_writes on; the report prints them as read back from the server).
# BENCH_MAIN names another benchmark of bench/e2e to run with the arguments as given (see bench/interchange/run.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break; done
fi
export PATH="$JAVA_HOME/bin:$PATH"
mvn -q -B -DskipTests package
mvn -q -B -f bench/e2e/pom.xml package
if [ -n "${BENCH_MAIN:-}" ]; then args=("$@"); else args=("${1:-5000}" "${2:-32}"); fi
java -XX:+UseParallelGC ${BENCH_OPTS:-} -Dbench.jar=target/single-window-0.1.0-SNAPSHOT.jar \
  -cp "bench/e2e/target/classes:$(cat bench/e2e/target/classpath.txt)" \
  "${BENCH_MAIN:-io.singlewindow.bench.EndToEndBenchmark}" "${args[@]}" target/single-window-0.1.0-SNAPSHOT.jar
