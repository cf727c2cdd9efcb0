#!/bin/sh
# polint check from the command line: exit codes, unreadable files mixed
# into a folder, identical results for --jobs 1 and 2, every output format,
# waivers, polint.xml, bundles and broken packs. Documents are generated
# here; the rules are tests/fixtures/packs/engine-test.xml, so these tests
# do not change when the shipped packs do.
set -u
ROOT=$(pwd)
POLINT=${POLINT:-build/polint}
case "$POLINT" in /*) ;; *) POLINT="$ROOT/$POLINT" ;; esac
PACK="$ROOT/tests/fixtures/packs/engine-test.xml"
MK="python3 $ROOT/tests/cli/mkdocx.py"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | head -20 | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }
pc() { "$POLINT" check --rules "$PACK" --as-of 2026-11-22 --no-progress "$@"; }

mkdir -p "$T/docs"
$MK "$T/docs/good.docx" "業務委託契約書" "第1条　乙は責任者を置く。作業場所は甲の庁舎とする。" \
    "第2条　乙は、業務を第三者に再委託してはならない。ただし、あらかじめ甲の書面による承諾を得たときは、この限りでない。" \
    "第3条　契約が終了したときは、提供した資料を返還しなければならない。"
$MK "$T/docs/no-return.docx" "業務委託契約書" "第1条　乙は責任者を置く。作業場所は甲の庁舎とする。" \
    "第2条　乙は、業務を第三者に再委託してはならない。" \
    "第3条　乙は、契約終了後も秘密を保持しなければならない。"
$MK "$T/docs/warn-only.docx" "業務委託契約書" "第1条　乙は責任者を置く。" \
    "第2条　乙は、業務を第三者に再委託してはならない。" \
    "第3条　契約が終了したときは、資料を返還しなければならない。"
printf 'PK\003\004 broken' > "$T/docs/broken.docx"

# 1. exit codes
pc "$T/docs/good.docx" >"$T/o" 2>&1; rc=$?
check "a compliant contract exits 0" '[ $rc -eq 0 ]' "rc=$rc $(cat "$T/o")"
pc "$T/docs/no-return.docx" >"$T/o" 2>&1; rc=$?
check "an error finding exits 1 and names file, clause-less place and rule" \
    '[ $rc -eq 1 ] && grep -q "no-return.docx: error: 返還の規定がありません.*\[t.return\]" "$T/o"' "rc=$rc $(cat "$T/o")"
pc "$T/docs/warn-only.docx" >/dev/null 2>&1; rc=$?
check "a warning counts by default (--fail-on warning)" '[ $rc -eq 1 ]' "rc=$rc"
"$POLINT" check --help --lang en >"$T/o" 2>&1; rc=$?
check "polint check --help shows the check usage only, exit 0" \
    '[ $rc -eq 0 ] && grep -q -- "--as-of" "$T/o" && grep -q "Exit status" "$T/o" && ! grep -q "polint extract" "$T/o"' "rc=$rc $(cat "$T/o")"
pc --fail-on error "$T/docs/warn-only.docx" >/dev/null 2>&1; rc=$?
check "--fail-on error ignores warnings" '[ $rc -eq 0 ]' "rc=$rc"

# 2. a folder with a broken file: exit 2, the file named, the others checked
pc --format json "$T/docs" >"$T/j" 2>"$T/e"; rc=$?
check "a folder with an unreadable file exits 2" '[ $rc -eq 2 ]' "rc=$rc"
check "the unreadable file is an error result, never clean, and the rest are checked" 'python3 - "$T/j" <<EOF
import json, sys
d = json.load(open(sys.argv[1]))
st = {x["path"].rsplit("/", 1)[1]: x for x in d["documents"]}
b = st["broken.docx"]
assert b["status"] == "unreadable", b
assert [r["rule"] for r in b["results"]] == ["doc.unreadable"] and b["results"][0]["state"] == "error"
assert st["good.docx"]["status"] == "ok" and st["no-return.docx"]["status"] == "ok"
assert d["summary"]["unreadable"] == 1 and d["summary"]["documents"] == 4
EOF' "$(head -c 400 "$T/j")"

# 3. --jobs 1 and 2 give identical output, whatever the timing
i=0
while [ $i -lt 12 ]; do
    cp "$T/docs/good.docx" "$T/docs/copy$i-a.docx"
    cp "$T/docs/no-return.docx" "$T/docs/copy$i-b.docx"
    i=$((i + 1))
done
for f in text json csv sarif junit; do
    pc --jobs 1 --format $f "$T/docs" >"$T/j1.$f" 2>/dev/null
    pc --jobs 2 --format $f "$T/docs" >"$T/j2.$f" 2>/dev/null
    # JUnit carries a timestamp per suite; everything else must be byte-identical
    sed -i 's/timestamp="[^"]*"//' "$T/j1.$f" "$T/j2.$f"
    check "--jobs 1 and --jobs 2 give identical $f output" 'cmp -s "$T/j1.$f" "$T/j2.$f"' "$(diff "$T/j1.$f" "$T/j2.$f" | head)"
done
rm -f "$T"/docs/copy*

# 4. formats
pc --format json "$T/docs" >"$T/r.json" 2>/dev/null
check "JSON has the design's fields" 'python3 - "$T/r.json" <<EOF
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == 1 and d["tool"]["name"] == "polint" and d["tool"]["rules_revision"] == "enginetest@1"
assert d["as_of"] == "2026-11-22"
doc = [x for x in d["documents"] if x["path"].endswith("no-return.docx")][0]
assert len(doc["sha256"]) == 64 and doc["type"] == "contract"
r = {x["rule"]: x for x in doc["results"]}
assert r["t.return"]["state"] == "fail" and r["t.return"]["severity"] == "error"
ok = [x for x in d["documents"] if x["path"].endswith("/good.docx")][0]
ev = {x["rule"]: x for x in ok["results"]}["t.return"]["evidence"][0]
assert ev["location"]["clause"] == "第3条" and ev["location"]["paragraph"] == 4, ev
assert "返還" in ev["text"]
for k in ("documents", "pass", "fail", "errors"): assert k in d["summary"]
EOF' "$(head -c 600 "$T/r.json")"
pc --format jsonl "$T/docs" >"$T/r.jsonl" 2>/dev/null
check "JSON Lines: one parseable object per document, then a summary" \
    'python3 -c "import json,sys; L=[json.loads(l) for l in open(sys.argv[1])]; assert [x[\"record\"] for x in L]==[\"document\"]*4+[\"summary\"]" "$T/r.jsonl"'
pc --format sarif "$T/docs" >"$T/r.sarif" 2>/dev/null
SCHEMA="$ROOT/../shared/data/sarif-schema-2.1.0.json"
if [ -f "$SCHEMA" ] && python3 -c "import jsonschema" 2>/dev/null; then
    check "SARIF validates against the OASIS 2.1.0 schema" \
        'python3 -c "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))" "$T/r.sarif" "$SCHEMA"'
else
    n=$((n + 1)); echo "ok $n - SARIF schema validation # skip: schema or python3-jsonschema absent"
fi
check "SARIF names the broken file's hash and the unreadable rule" \
    'python3 -c "
import json,sys; s=json.load(open(sys.argv[1])); run=s[\"runs\"][0]
assert any(r[\"ruleId\"]==\"doc.unreadable\" for r in run[\"results\"])
assert all(len(a[\"hashes\"][\"sha-256\"])==64 for a in run[\"artifacts\"])
assert run[\"properties\"][\"asOf\"]==\"2026-11-22\"" "$T/r.sarif"'
pc --format junit "$T/docs" >"$T/r.xml" 2>/dev/null
check "JUnit: well-formed, one suite per document, failures counted" 'python3 - "$T/r.xml" <<EOF
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert len(suites) == 4
for s in suites:
    cases = s.findall("testcase")
    assert int(s.get("tests")) == len(cases)
    assert int(s.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
    assert int(s.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
    assert int(s.get("skipped")) == sum(1 for c in cases if c.find("skipped") is not None)
EOF'
if command -v xmllint >/dev/null 2>&1; then
    check "JUnit parses with xmllint" 'xmllint --noout "$T/r.xml"'
fi
pc --format csv "$T/docs" >"$T/r.csv" 2>/dev/null
check "CSV starts with a BOM and ends lines with CRLF" \
    'head -c 3 "$T/r.csv" | od -An -tx1 | grep -q "ef bb bf" && grep -c "$(printf "\r")$" "$T/r.csv" >/dev/null'
pc --format html -o "$T/r.html" "$T/docs" 2>/dev/null
check "HTML report is written with -o and holds the matrix and evidence" \
    'grep -q "<table class=\"matrix\">" "$T/r.html" && grep -q "no-return.docx" "$T/r.html" && grep -q "<mark>" "$T/r.html"'

# 5. waivers: counted apart, never hidden; an expired one counts again
cat > "$T/waivers.xml" <<EOF
<waivers xmlns="urn:polint:waivers:1">
  <waiver rule="t.return" file="docs/no-return.docx"><reason>令和8年度の更新時に追加する</reason></waiver>
</waivers>
EOF
pc --baseline "$T/waivers.xml" "$T/docs/no-return.docx" >"$T/o" 2>&1; rc=$?
check "a waived finding no longer fails the run but is shown as waived" \
    '[ $rc -eq 0 ] && grep -q "\[免除\]" "$T/o" && grep -q "免除 1" "$T/o"' "rc=$rc $(cat "$T/o")"
sed -i 's/file="docs\/no-return.docx"/file="docs\/no-return.docx" expires="2026-01-31"/' "$T/waivers.xml"
pc --baseline "$T/waivers.xml" "$T/docs/no-return.docx" >"$T/o" 2>&1; rc=$?
check "an expired waiver fails again and says so" '[ $rc -eq 1 ] && grep -q "期限 2026-01-31 が過ぎています" "$T/o"' "rc=$rc $(cat "$T/o")"

# 6. polint.xml is found walking up, and changes the run
mkdir -p "$T/proj/sub"
cat > "$T/proj/polint.xml" <<EOF
<polint xmlns="urn:polint:config:1">
  <packs><pack path="$PACK"/></packs>
  <as-of date="2026-11-22"/>
  <rule id="t.return" severity="info"/>
  <rule id="t.responsibility" enabled="false"/>
</polint>
EOF
(cd "$T/proj/sub" && "$POLINT" check --no-progress "$T/docs/no-return.docx" >"$T/o" 2>&1); rc=$?
check "polint.xml found from a subfolder: severity lowered, rule disabled" \
    '[ $rc -eq 0 ] && grep -q "info: 返還の規定" "$T/o" && ! grep -q "t.responsibility" "$T/o"' "rc=$rc $(cat "$T/o")"
(cd "$T/proj/sub" && "$POLINT" config >"$T/o" 2>&1)
check "polint config shows the file in use and the changed rules" \
    'grep -q "proj/polint.xml" "$T/o" && grep -q "t.return info" "$T/o" && grep -q "t.responsibility .*無効" "$T/o"' "$(cat "$T/o")"
printf '<polint xmlns="urn:polint:config:1">\n  <jobs n="zero"/>\n</polint>\n' > "$T/bad.xml"
"$POLINT" check --config "$T/bad.xml" "$T/docs/good.docx" >/dev/null 2>"$T/o"; rc=$?
check "an invalid polint.xml stops the run with its file and line" '[ $rc -eq 2 ] && grep -q "bad.xml:2" "$T/o"' "rc=$rc $(cat "$T/o")"

# 7. a broken pack stops the run before any document, naming file and line
sed 's/severity="warning"/severity="fatal"/' "$PACK" > "$T/broken-pack.xml"
"$POLINT" check --rules "$T/broken-pack.xml" "$T/docs/good.docx" >"$T/o" 2>&1; rc=$?
check "a broken pack is refused with file:line" '[ $rc -eq 2 ] && grep -q "broken-pack.xml:[0-9]" "$T/o"' "rc=$rc $(cat "$T/o")"
"$POLINT" rules test "$T/broken-pack.xml" >"$T/o" 2>&1; rc=$?
check "rules test refuses the same pack" '[ $rc -eq 2 ]' "rc=$rc"
"$POLINT" rules test "$PACK" >"$T/o" 2>&1; rc=$?
check "rules test runs every example of a good pack" '[ $rc -eq 0 ] && grep -q "期待どおり" "$T/o"' "$(cat "$T/o")"

# 8. a bundle: the clause may be in any file of the set
mkdir -p "$T/set"
$MK "$T/set/1-keiyaku.docx" "業務委託契約書" "第1条　乙は責任者を置く。作業場所は甲の庁舎とする。" \
    "第2条　乙は、業務を第三者に再委託してはならない。"
$MK "$T/set/2-tokki.docx" "個人情報取扱特記事項" "第1条　契約が終了したときは、提供した資料を返還しなければならない。"
pc --format json --bundle "$T/set" >"$T/b.json" 2>/dev/null; rc=$?
check "--bundle evaluates the contract set as one" 'python3 - "$T/b.json" <<EOF
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["bundles"]) == 1 and len(d["bundles"][0]["members"]) == 2
r = {x["rule"]: x for x in d["bundles"][0]["results"]}
assert r["t.return"]["state"] == "pass", r["t.return"]
assert r["t.return"]["evidence"][0]["path"].endswith("2-tokki.docx")
# alone, the contract would fail
assert all(x["rule"] in ("t.tracked",) for doc in d["documents"] for x in doc["results"])
EOF' "$(head -c 800 "$T/b.json")"

# 9. languages and file facts
"$POLINT" --lang en check --rules "$PACK" --no-progress "$T/docs/no-return.docx" >"$T/o" 2>&1
check "--lang en gives English messages" 'grep -q "no return clause" "$T/o" && grep -q "documents" "$T/o"'
$MK "$T/tracked.docx" "業務委託契約書" "D:削除された文"
pc "$T/tracked.docx" >"$T/o" 2>&1
check "tracked changes left in a document are reported" 'grep -q "\[t.tracked\]" "$T/o"' "$(cat "$T/o")"

[ $failed -eq 0 ]
