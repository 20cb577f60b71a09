#!/bin/sh
# Trade statistics benchmark: fills a dedicated database with about 1,000,000 synthetic cleared declarations
# (the current year to date and the three previous years; skipped when they are there already), then times the
# dashboard's figures read from the aggregates against the same figures by a plain GROUP BY over every declaration
# line, checks that both agree, prints both timings and the ratio, and exits.
#
#   bench/statistics/run.sh                  # defaults below
#   PER_MONTH=2450 bench/statistics/run.sh   # about 100,000 declarations, for a quick look
set -eu
cd "$(dirname "$0")/../.."
DATA=${DATA:-/tmp/sw-statistics-bench}
PER_MONTH=${PER_MONTH:-24500}   # x ~41 (47 months, seasonality, 7 % annual growth) = ~1,000,000 declarations
ROUNDS=${ROUNDS:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -q -B -o spring-boot:run -Dspring-boot.run.arguments="--server.port=0 --singlewindow.data-dir=$DATA \
 --singlewindow.demo-data.enabled=false --singlewindow.statistics.generate.years=3 \
 --singlewindow.statistics.generate.declarations-per-month=$PER_MONTH \
 --singlewindow.statistics.benchmark.rounds=$ROUNDS --singlewindow.statistics.exit-when-done=true"
