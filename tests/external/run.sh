#!/bin/sh
# make test-external: polint's extraction against other projects' expectations
# (pandoc's docx reader tests, xlsx2csv's CSVs, calamine's workbooks) in
# ../shared/corpora. Skips cleanly when that folder is absent, so the
# project's own tests never depend on it.
set -eu
build=${1:-build}
corpora=${POLINT_CORPORA:-../shared/corpora}
if [ ! -d "$corpora" ]; then
    echo "test-external: skipped ($corpora not present)"
    exit 0
fi
if ! command -v pandoc >/dev/null 2>&1; then
    echo "test-external: pandoc is needed to turn pandoc's expected ASTs into text" >&2
    echo "test-external: install it with: apt-get install -y pandoc" >&2
    exit 2
fi
exec python3 "$(dirname "$0")/compare.py" --polint "$build/polint" --corpora "$corpora" \
    --known "$(dirname "$0")/known-differences.tsv"
