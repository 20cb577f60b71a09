#!/bin/sh
# Trade statistics benchmark: fills a dedicated, durable database with about 1,000,000 synthetic cleared declarations
# (the current year to date and the three previous years; skipped when they are there already), then times the
# dashboard's figures read from the aggregates against the same figures by a plain GROUP BY over every declaration
# line, checks that both agree, prints both timings and the ratio, and exits. The code lives in
# bench/statistics/src (Maven profile "bench"), not in the production jar.
#
#   bench/statistics/run.sh                  # defaults below
#   PER_MONTH=2450 bench/statistics/run.sh   # about 100,000 declarations, for a quick look
set -eu
cd "$(dirname "$0")/../.."
DATA=${DATA:-/tmp/sw-statistics-bench}
PER_MONTH=${PER_MONTH:-24500}   # x ~41 (47 months, seasonality, 7 % annual growth) = ~1,000,000 declarations
ROUNDS=${ROUNDS:-3}
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break; done
fi
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -o -Pbench test -Dtest=StatisticsDashboardBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.data="$DATA" -Dbench.perMonth="$PER_MONTH" -Dbench.rounds="$ROUNDS" -Dbench.years=3
