#!/bin/sh
# Japanese fixtures: `polint extract --format text --no-metadata` on every
# tests/fixtures/ja/NAME.docx / NAME.xlsx must print NAME.expected.txt byte
# for byte. The expected texts say what Word/Excel show (see
# tests/fixtures/ja/README.md); they were checked once against LibreOffice
# with tools/fixtures/check-against-libreoffice.sh.
#
#   POLINT=build/polint sh tests/cli/fixtures.sh     (from the repository root)
# Prints TAP ("ok N - NAME" / "not ok N - NAME" with a short diff); exits 1 if
# any fixture failed.
POLINT=${POLINT:-build/polint}
fixtures=$(cd "$(dirname "$0")/../fixtures/ja" && pwd) || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polint-fixtures.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

set -- "$fixtures"/*.expected.txt
if [ ! -f "$1" ]; then
    echo "not ok 1 - no fixtures found in $fixtures"
    exit 1
fi
echo "1..$#"
n=0 failed=0
for expected; do
    n=$((n + 1))
    name=$(basename "$expected" .expected.txt)
    doc="$fixtures/$name.docx"
    [ -f "$doc" ] || doc="$fixtures/$name.xlsx"
    if [ ! -f "$doc" ]; then
        echo "not ok $n - $name"
        echo "# no $name.docx or $name.xlsx"
        failed=$((failed + 1))
        continue
    fi
    "$POLINT" extract --format text --no-metadata "$doc" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 0 ] && cmp -s "$expected" "$tmp/out"; then
        echo "ok $n - $name"
        continue
    fi
    echo "not ok $n - $name"
    failed=$((failed + 1))
    [ "$rc" -eq 0 ] || echo "# exit status $rc: $(head -n 3 "$tmp/err" | tr '\n' ' ')"
    diff -u "$expected" "$tmp/out" | sed -n '3,22s/^/# /p'
done
[ "$failed" -eq 0 ]
