#!/bin/bash
# Runs hand mutations (docs/testing.md), each in its own scratch copy of the tracked files: apply one, run the tests
# named beside it, report whether they failed. Lines of the list: NAME tests (as -Dtest takes them).
#   .ci/hand-mutations-verify.sh < .ci/hand-mutations.tests            # all, about a minute each on 2 cores
#   grep REPLACEMENT .ci/hand-mutations.tests | .ci/hand-mutations-verify.sh
# A mutation is verified when its line says "failed:" with the tests named in docs/testing.md.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
while read -r name tests; do
  [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
  copy=$(mktemp -d /tmp/hand-mutation-XXXX)
  (cd "$root" && git ls-files -z | xargs -0 cp --parents -t "$copy")
  if ! python3 "$root/.ci/hand-mutations.py" "$copy" "$name" > /dev/null; then
    echo "$name: does not apply (stale: repoint it)"; rm -rf "$copy"; continue
  fi
  (cd "$copy" && mvn -B -o verify -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true) \
    > "$copy.log" 2>&1
  failed=$(grep -a '<<< FAIL\|<<< ERR' "$copy.log" | grep -o '[A-Za-z]*Tests\.[A-Za-z]*' | sort -u | tr '\n' ' ')
  # A class whose set-up failed (@BeforeAll) names no test method: name the class.
  [ -z "$failed" ] && failed=$(grep -a '<<< FAIL\|<<< ERR' "$copy.log" | grep -o -- '-- in [A-Za-z.]*Tests$' \
    | sed 's/.*\.//; s/$/ (its set-up)/' | sort -u | tr '\n' ' ')
  if grep -aq "COMPILATION ERROR" "$copy.log"; then echo "$name: does not compile"
  elif ! grep -aq "Tests run:" "$copy.log"; then echo "$name: NO TEST RAN (a JDK 25 on PATH? log: $copy.log)"; continue
  elif [ -n "$failed" ]; then echo "$name: failed: $failed"
  else echo "$name: NOTHING FAILED — the guarantee is unguarded (log: $copy.log)"; continue
  fi
  rm -rf "$copy" "$copy.log"
done
