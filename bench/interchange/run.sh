#!/usr/bin/env bash
# The standards channel against the REST path (issue #17), in one run on one durable PostgreSQL.
# Usage: bench/interchange/run.sh [declarations=2000] [messages per interchange=1000] [REST clients=32]
cd "$(dirname "$0")/../.."
BENCH_MAIN=io.singlewindow.bench.InterchangeBenchmark exec bench/e2e/run.sh "${1:-2000}" "${2:-1000}" "${3:-32}"
