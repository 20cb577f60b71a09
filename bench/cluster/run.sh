#!/usr/bin/env bash
# Issue 20: three platform nodes on one durable PostgreSQL behind HAProxy; throughput with 1, 2 and 3 nodes; one node
# killed with SIGKILL under load and restarted; checks that nothing acknowledged is lost or doubled, that a tariff import
# on the killed node fails as interrupted and succeeds again on another node, and that a logged-in session survives the
# death of its node (ClusterBenchmark).
# Usage: bench/cluster/run.sh [declarations per phase=1000] [clients=16]. Installs HAProxy (Debian) when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break; done
fi
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v haproxy >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq haproxy
fi
mvn -q -B -DskipTests package
mvn -q -B -f bench/e2e/pom.xml package
# The nodes run (and restart) from a copy, so a build in this worktree during the run cannot change their jar.
jar_dir="$(mktemp -d)"
trap 'rm -rf "$jar_dir"' EXIT
cp target/single-window-0.1.0-SNAPSHOT.jar "$jar_dir/single-window.jar"
java -XX:+UseParallelGC -cp "bench/e2e/target/classes:$(cat bench/e2e/target/classpath.txt)" \
  io.singlewindow.bench.ClusterBenchmark "${1:-1000}" "${2:-16}" "$jar_dir/single-window.jar"
