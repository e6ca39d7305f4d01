#!/usr/bin/env bash
# `make test`'s pytest step: the suite in two pytest processes at once.
#
# A book build keeps both cores busy only while its chapters run; Sphinx, LaTeX, the browser and
# the pure-Python tests use one. Run one after the other, the suite used 1,05 cores on average
# (8 min 16 s measured, 2026-11-27); in two streams it takes the longer of the two. Stream 1 holds
# the test files that build whole books (named below by the Makefile), stream 2 everything else
# (a new test file lands there). Each stream has its own temporary folder; both outputs are printed
# in full at the end, and the step fails when either stream fails.
set -uo pipefail
python=$1
shift
heavy=("$@")
others=()
for file in tests/test_*.py; do
  keep=1
  for h in "${heavy[@]}"; do [[ $file == "$h" ]] && keep=0; done
  ((keep)) && others+=("$file")
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m pytest -p no:cacheprovider --basetemp="$work/one" "${heavy[@]}" >"$work/one.log" 2>&1 &
one=$!
"$python" -m pytest -p no:cacheprovider --basetemp="$work/two" "${others[@]}" >"$work/two.log" 2>&1 &
two=$!
wait "$one"; status_one=$?
wait "$two"; status_two=$?
echo "=== stream 1 of 2: ${heavy[*]}"
cat "$work/one.log"
echo "=== stream 2 of 2: the other ${#others[@]} test files"
cat "$work/two.log"
if ((status_one || status_two)); then
  echo "make test: stream 1 exited $status_one, stream 2 exited $status_two" >&2
  exit 1
fi
