#!/bin/sh
# Runs every unit-test binary in $1/tests and the CLI tests, then prints one
# summary line. Exit status is non-zero if anything failed.
set -u
build=${1:-build}
passed=0 failed=0 suites=0 bad_suites=""
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    suites=$((suites + 1))
    out=$("$t" 2>&1); rc=$?
    printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR) |^\[  PASSED  \]|^\[==========\]' | sed "s|^|$(basename "$t"): |"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
    passed=$((passed + p)); failed=$((failed + f))
    if [ $rc -ne 0 ]; then
        [ "$f" -eq 0 ] && failed=$((failed + 1))
        bad_suites="$bad_suites $(basename "$t")"
        printf '%s\n' "$out" | tail -n 30
    fi
done
for s in tests/cli/*.sh; do
    [ -f "$s" ] || continue
    suites=$((suites + 1))
    if out=$(POLINT="$build/polint" sh "$s" 2>&1); then
        p=$(printf '%s\n' "$out" | grep -c '^ok ')
        passed=$((passed + p))
        echo "$(basename "$s"): $p checks passed"
    else
        p=$(printf '%s\n' "$out" | grep -c '^ok ')
        f=$(printf '%s\n' "$out" | grep -c '^not ok ')
        [ "$f" -eq 0 ] && f=1
        passed=$((passed + p)); failed=$((failed + f))
        bad_suites="$bad_suites $(basename "$s")"
        printf '%s\n' "$out" | grep -v '^ok ' | tail -n 30
    fi
done
echo "================================================================"
if [ "$failed" -eq 0 ]; then
    echo "TESTS PASSED: $passed tests in $suites suites, 0 failed"
else
    echo "TESTS FAILED: $failed failed, $passed passed, in $suites suites (failing:$bad_suites)"
    exit 1
fi
