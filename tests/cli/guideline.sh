#!/bin/sh
# polint guideline from the command line: the editions, one edition, the
# differences between two, the adoption gap of the real-producer fixture;
# exit codes, both languages, JSON that parses, errors that name the file
# (and the line, for a broken data file).
set -u
POLINT=${POLINT:-build/polint}
case "$POLINT" in /*) ;; *) POLINT="$(pwd)/$POLINT" ;; esac
here=$(cd "$(dirname "$0")/../.." && pwd)
FX="$here/tests/fixtures/guideline/pydocx-wakaba-taisaku-h30.docx"
EXP="$here/tests/fixtures/guideline/pydocx-wakaba-taisaku-h30.expected.tsv"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }

# ---- list ------------------------------------------------------------------
"$POLINT" guideline list >"$T/out" 2>"$T/err"; rc=$?
check "list exits 0 with one line per edition" \
    '[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 11 ] && head -1 "$T/out" | grep -q "^H13.3 " && tail -1 "$T/out" | grep -q "^R7.3 .*令和7年3月版"' \
    "rc=$rc $(cat "$T/out" "$T/err")"
"$POLINT" --lang en guideline list >"$T/out"
check "list speaks English with --lang en" 'grep -q "March 2025 edition" "$T/out" && ! grep -q "令和7年3月版" "$T/out"'
"$POLINT" guideline --format json list >"$T/json"; rc=$?
check "list --format json (option before the subcommand) parses, oldest first" \
    '[ $rc -eq 0 ] && python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
ids=[e[\"id\"] for e in d[\"editions\"]]
assert d[\"schema\"]==1 and ids[0]==\"H13.3\" and ids[-1]==\"R7.3\" and len(ids)==11, ids
assert all(e[\"confidence\"] in \"VSR\" and e[\"sources\"] for e in d[\"editions\"])
assert d[\"editions\"][5][\"date\"]==\"2018-09-25\" and d[\"editions\"][1][\"precision\"]==\"month\"
" "$T/json"' "$(head -c 400 "$T/json")"

# ---- show ------------------------------------------------------------------
"$POLINT" guideline show R7.3 >"$T/out" 2>"$T/err"; rc=$?
check "show R7.3 lists 8.2 情報システムに関する業務委託 with its confidence" \
    '[ $rc -eq 0 ] && grep -q "8.2 情報システムに関する業務委託  \[V hyuga-R7" "$T/out" && grep -q "technical.eol-software  必須  \[S\]  R4.3 から（時期 \[R\]）" "$T/out"' \
    "$(cat "$T/err")"
check "show prints the sources it cites" 'grep -q "hyuga-R7 .*日向市情報セキュリティポリシー" "$T/out"'
"$POLINT" guideline show 令和7年3月版 >"$T/out2"
check "an edition is found by its Japanese label too" 'cmp -s "$T/out" "$T/out2"'
"$POLINT" guideline show H18.9 --format json >"$T/json"; rc=$?
check "show --format json (option after) parses with outline and items" \
    '[ $rc -eq 0 ] && python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
s={x[\"id\"]:x for x in d[\"sections\"]}
assert s[\"outsourcing\"][\"number\"]==\"7.4\" and s[\"outsourcing\"][\"parent\"]==\"operation\", s[\"outsourcing\"]
assert s[\"scope\"][\"number\"]==\"1\" and s[\"scope\"][\"confidence\"]==\"S\"
it={x[\"id\"]:x for x in d[\"items\"]}
assert it[\"outsourcing.subcontract-conditions\"][\"since\"]==\"H18.9\"
assert all(x[\"confidence\"] in \"VSR\" and x[\"dating\"] in \"VSR\" for x in d[\"items\"])
assert any(x[\"key\"]==\"seed001\" for x in d[\"sources\"])
" "$T/json"' "$(head -c 400 "$T/json")"
"$POLINT" guideline show R9.9 >"$T/out" 2>"$T/err"; rc=$?
check "an unknown edition is a usage error (exit 2) naming it" '[ $rc -eq 2 ] && grep -q "R9.9" "$T/err"' "rc=$rc"

# ---- diff ------------------------------------------------------------------
"$POLINT" guideline diff H30.9 R7.3 >"$T/out" 2>"$T/err"; rc=$?
check "diff H30.9 R7.3 shows the added, renamed and moved sections" \
    '[ $rc -eq 0 ] && grep -q "+ 追加  8.2 情報システムに関する業務委託" "$T/out" && grep -q "~ 名称変更  8.1 外部委託 → 8.1 業務委託" "$T/out" && grep -q "~ 名称変更・移動  8.2 約款による外部サービスの利用 → 8.4" "$T/out"' \
    "$(cat "$T/out" "$T/err" | head -20)"
check "diff lists the requirements added after H30.9" \
    'grep -q "+ 追加  technical.eol-software" "$T/out" && grep -q "+ 追加  assets.confidentiality-3abc" "$T/out"'
"$POLINT" guideline diff H22.11 H30.9 --format json >"$T/json"; rc=$?
check "diff --format json records removals with their evidence" \
    '[ $rc -eq 0 ] && python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
s={x[\"id\"]:x for x in d[\"sections\"]}
assert s[\"scope\"][\"change\"]==[\"removed\"] and s[\"scope\"][\"evidence\"][\"confidence\"]==\"R\", s[\"scope\"]
assert s[\"resilience\"][\"change\"]==[\"added\"] and s[\"resilience\"][\"from\"] is None
assert s[\"assets\"][\"change\"]==[\"renamed\",\"moved\"]
i={x[\"id\"]:x for x in d[\"items\"]}
assert i[\"org.ciso\"][\"change\"]==[\"reworded\"] and i[\"org.ciso\"][\"to\"][\"edition\"]==\"H27.3\"
" "$T/json"' "$(head -c 600 "$T/json")"
"$POLINT" --lang en guideline diff H30.9 R7.3 >"$T/out"
check "diff speaks English" 'grep -q "+ added  8.2 Outsourcing of information systems" "$T/out"' "$(head -12 "$T/out")"

# ---- coverage ----------------------------------------------------------------
"$POLINT" guideline coverage R7.3 "$FX" >"$T/out" 2>"$T/err"; rc=$?
check "coverage of the fixture exits 1 (required items missing or weakened)" '[ $rc -eq 1 ] && [ ! -s "$T/err" ]' "rc=$rc $(cat "$T/err")"
check "coverage finds the declared edition and the chapter shift" \
    'grep -q "準拠の表明: 平成30年9月版 (H30.9)  第1条第2項" "$T/out" && grep -q "章番号のずれ +1" "$T/out" && grep -q "独自の章等: 第１章 総則" "$T/out"'
check "coverage quotes the weakened clause and the weakening" \
    'grep -q "第22条第2項 「２　開発元のサポートが終了したソフトウェアは、原則として業務に利用しないものとする。」" "$T/out" && grep -q "弱い表現: 「原則として」" "$T/out"'
"$POLINT" guideline coverage R7.3 "$FX" --format json >"$T/json"; rc=$?
check "coverage --format json matches the hand-written expectations" \
    '[ $rc -eq 1 ] && python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))[\"coverage\"]
exp={}
for l in open(sys.argv[2]):
    if l.startswith(\"#\") or not l.strip(): continue
    a=l.rstrip(\"\n\").split(\"\t\"); exp[a[0]]=(a[1],a[2])
got={i[\"id\"]:(i[\"status\"], i[\"evidence\"][\"clause\"] if i[\"evidence\"] else \"-\") for i in d[\"items\"]}
bad=[(k,exp.get(k),got.get(k)) for k in set(exp)|set(got) if exp.get(k)!=got.get(k)]
assert not bad, bad
assert d[\"declared\"][\"edition\"]==\"H30.9\" and d[\"shift\"]==1 and d[\"summary\"][\"gaps\"]==18, d[\"summary\"]
m={s[\"id\"]:s[\"match\"] for s in d[\"sections\"]}
assert m[\"outsourcing\"][\"clause\"]==\"第１節\" and m[\"outsourcing.systems\"] is None
" "$T/json" "$EXP"' "$(head -c 600 "$T/json")"
"$POLINT" guideline coverage R7.3 "$FX" --since declared --format json >"$T/json"
check "--since declared keeps only the 12 items added after H30.9" \
    'python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))[\"coverage\"]
assert d[\"since\"]==\"H30.9\" and d[\"summary\"][\"items\"]==12, d[\"summary\"]
st={i[\"id\"]:i[\"status\"] for i in d[\"items\"]}
assert st[\"technical.eol-software\"]==\"weakened\" and st[\"outsourcing.systems-requirements\"]==\"missing\"
assert \"org.ciso\" not in st
" "$T/json"'
"$POLINT" guideline coverage --since R4.3 R7.3 "$FX" >"$T/out"
check "--since EDITION works with the option first" 'grep -q "令和4年3月版 (R4.3) より後の変更のみ" "$T/out" && ! grep -q "technical.eol-software" "$T/out"'
"$POLINT" guideline coverage H30.9 "$FX" --format html >"$T/out.html"; rc=$?
check "coverage --format html is well-formed" \
    '[ $rc -eq 1 ] && python3 -c "
import sys, html.parser
class P(html.parser.HTMLParser):
    pass
t=open(sys.argv[1]).read(); P().feed(t)
assert t.startswith(\"<!DOCTYPE html>\") and \"<table>\" in t and t.count(\"<tr\")>10 and t.rstrip().endswith(\"</html>\")
" "$T/out.html"'
"$POLINT" --lang en guideline coverage R7.3 "$FX" >"$T/out"
check "coverage speaks English" 'grep -q "weakened by \"原則として\"" "$T/out" && grep -q "chapter numbers shifted by +1" "$T/out"'
FX2="$here/tests/fixtures/guideline/lo-minato-taisaku-r4.docx"
"$POLINT" guideline coverage R7.3 "$FX2" --format json >"$T/json"; rc=$?
check "coverage of the LibreOffice fixture (headings, 令和4年 numbering) matches its expectations" \
    '[ $rc -eq 1 ] && python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))[\"coverage\"]
exp={}
for l in open(sys.argv[2]):
    if l.startswith(\"#\") or not l.strip(): continue
    a=l.rstrip(\"\n\").split(\"\t\"); exp[a[0]]=(a[1],a[2])
got={i[\"id\"]:(i[\"status\"], i[\"evidence\"][\"clause\"] if i[\"evidence\"] else \"-\") for i in d[\"items\"]}
bad=[(k,exp.get(k),got.get(k)) for k in set(exp)|set(got) if exp.get(k)!=got.get(k)]
assert not bad, bad
m={s[\"id\"]:s[\"match\"] for s in d[\"sections\"]}
assert d[\"shift\"]==0 and d[\"declared\"][\"edition\"]==\"R4.3\"
assert m[\"cloud.confidential\"][\"clause\"]==\"第8 2\" and m[\"cloud.general\"] is None and m[\"outsourcing.systems\"] is None
" "$T/json" "${FX2%.docx}.expected.tsv"' "$(head -c 600 "$T/json")"
"$POLINT" guideline coverage latest "$FX2" --since declared >"$T/out"; rc=$?
check "--since declared on the 令和4年 follower lists the 令和6年 and 令和7年 additions" \
    '[ $rc -eq 1 ] && grep -q "令和4年3月版 (R4.3) より後の変更のみ" "$T/out" && grep -q "要件 6 件" "$T/out" && grep -q "outsourcing.systems-requirements" "$T/out"' "$(head -20 "$T/out")"
"$POLINT" guideline coverage R4.3 "$FX" --since R7.3 >"$T/out" 2>"$T/err"; rc=$?
check "--since must be older than the edition (exit 2)" '[ $rc -eq 2 ] && grep -q "since" "$T/err"' "rc=$rc"

printf 'PK\003\004 truncated' >"$T/broken.docx"
"$POLINT" guideline coverage R7.3 "$T/broken.docx" >"$T/out" 2>"$T/err"; rc=$?
check "an unreadable policy exits 2 naming the file and the reason" \
    '[ $rc -eq 2 ] && grep -q "broken.docx: .*\[ZIP_CORRUPT\]" "$T/err"' "rc=$rc $(cat "$T/err")"
"$POLINT" guideline coverage R7.3 "$T/none.docx" >"$T/out" 2>"$T/err"; rc=$?
check "a missing policy exits 2 naming it" '[ $rc -eq 2 ] && grep -q "none.docx" "$T/err"' "rc=$rc"

# ---- usage and data errors -----------------------------------------------------
"$POLINT" guideline diff R7.3 >/dev/null 2>"$T/err"; rc=$?
check "a missing operand is a usage error" '[ $rc -eq 2 ] && grep -q "引数の数" "$T/err"' "rc=$rc $(cat "$T/err")"
"$POLINT" guideline frobnicate >/dev/null 2>&1; rc=$?
check "an unknown subcommand is a usage error" '[ $rc -eq 2 ]'
"$POLINT" guideline list --format html >/dev/null 2>&1; rc=$?
check "--format html is for coverage only" '[ $rc -eq 2 ]'
"$POLINT" guideline list --bogus >/dev/null 2>&1; rc=$?
check "an unknown option is a usage error" '[ $rc -eq 2 ]'

mkdir "$T/data"
cp "$here/policies/guideline/"*.xml "$T/data/"
sed 's/source="watchy ryobi-2025 3rdin-R7a"/source="watchy nosuch"/' "$here/policies/guideline/R7.3.xml" >"$T/data/R7.3.xml"
line=$(grep -n 'source="watchy nosuch"' "$T/data/R7.3.xml" | cut -d: -f1)
"$POLINT" guideline --data "$T/data" list >/dev/null 2>"$T/err"; rc=$?
check "a broken data file stops with its file and line (exit 2)" \
    '[ $rc -eq 2 ] && grep -q "R7.3.xml:$line" "$T/err" && grep -q "nosuch" "$T/err"' "rc=$rc line=$line $(cat "$T/err")"
"$POLINT" guideline --data "$T/nowhere" list >/dev/null 2>"$T/err"; rc=$?
check "a missing data folder exits 2" '[ $rc -eq 2 ] && grep -q "nowhere" "$T/err"' "rc=$rc"

"$POLINT" guideline test >"$T/out"; rc=$?
check "every item's own examples give the expected result" '[ $rc -eq 0 ] && grep -q " 0 件が期待どおりではありません" "$T/out"' "$(cat "$T/out")"

echo "1..$n"
[ "$failed" -eq 0 ]
