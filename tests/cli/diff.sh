#!/bin/sh
# polint diff from the command line: exit codes (0 same, 1 different, 2
# unreadable or usage), the four formats (text markers when piped, colour on
# request; JSON with every clause; HTML columns; a DOCX that polint reads
# back), plain-text inputs, both languages. Documents: tests/fixtures/diff.
set -u
POLINT=${POLINT:-build/polint}
case "$POLINT" in /*) ;; *) POLINT="$(pwd)/$POLINT" ;; esac
FX=$(cd "$(dirname "$0")/../fixtures/diff" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }
ESC=$(printf '\033')

# 1. no difference: formatting, automatic numbering, the rejected view of tracked changes
for v in format autonum; do
    out=$("$POLINT" diff "$FX/base.docx" "$FX/$v.docx" 2>&1); rc=$?
    check "$v.docx: no difference, exit 0" '[ $rc -eq 0 ] && printf "%s" "$out" | grep -q "相違はありません"' "rc=$rc $out"
done
"$POLINT" diff --tracked reject "$FX/base.docx" "$FX/tracked.docx" >/dev/null 2>&1; rc=$?
check "tracked changes rejected: the original, exit 0" '[ $rc -eq 0 ]' "rc=$rc"
"$POLINT" diff "$FX/base.docx" "$FX/tracked.docx" >"$T/tracked" 2>&1; rc=$?
check "tracked changes accepted: differences, exit 1" \
    '[ $rc -eq 1 ] && grep -q "市の{+書面による+}承諾" "$T/tracked" && grep -q "\[-四　事故発生時の報告-\]" "$T/tracked"' "$(cat "$T/tracked")"

# 2. text: markers when piped, each renumbered article one heading
"$POLINT" diff "$FX/base.docx" "$FX/insert.docx" >"$T/insert" 2>&1; rc=$?
check "an inserted article: exit 1" '[ $rc -eq 1 ]' "rc=$rc"
check "piped text has markers and no escape codes" \
    'grep -q "{+第４条　所管課長は" "$T/insert" && ! grep -q "$ESC" "$T/insert"' "$(cat "$T/insert")"
check "renumbered articles are reported as renumbered only" \
    '[ "$(grep -c "〔番号の変更〕" "$T/insert")" -eq 4 ] && grep -q "■ 第6条（再委託）（改正前 第5条） 〔番号の変更〕" "$T/insert" && ! grep -q "受託者は、市の承諾" "$T/insert"' \
    "$(cat "$T/insert")"
"$POLINT" diff --color always "$FX/base.docx" "$FX/wording.docx" >"$T/color" 2>&1
check "--color always: colours instead of markers" \
    'grep -q "$ESC\[32;4m書面による$ESC\[0m" "$T/color" && ! grep -q "{+" "$T/color"' "$(cat -v "$T/color")"
NO_COLOR=1 "$POLINT" diff "$FX/base.docx" "$FX/wording.docx" >"$T/nocolor" 2>&1
check "phrase-level change inside a paragraph" \
    'grep -q "第６条　受託者は、情報セキュリティ事故が発生したときは、\[-速やか-\]{+直ち+}に所管課長に報告し{+、その指示に従わ+}なければならない。" "$T/nocolor"' "$(cat "$T/nocolor")"
"$POLINT" diff "$FX/base.docx" "$FX/move.docx" >"$T/move" 2>&1
check "a moved article is one move" \
    'grep -q "■ 第4条（返還及び消去）（改正前 第7条） 〔移動・番号の変更〕" "$T/move" && ! grep -q "〔追加〕\|〔削除〕" "$T/move"' "$(cat "$T/move")"
"$POLINT" diff "$FX/base.docx" "$FX/splitmerge.docx" >"$T/split" 2>&1
check "split and merged paragraphs are named as such" \
    'grep -q "〔分割〕" "$T/split" && grep -q "〔統合〕" "$T/split"' "$(cat "$T/split")"
"$POLINT" --lang en diff "$FX/base.docx" "$FX/insert.docx" >"$T/en" 2>&1
check "--lang en" 'grep -q "(was 第5条) 〔renumbered〕" "$T/en" && grep -q "^+++ new:" "$T/en"' "$(cat "$T/en")"

# 3. JSON: every clause of both versions, in order, with both labels
"$POLINT" diff --format json "$FX/base.docx" "$FX/insert.docx" >"$T/json" 2>"$T/err"; rc=$?
check "JSON: exit 1, and every unit of both versions appears once" \
    '[ $rc -eq 1 ] && python3 - "$T/json" <<PY
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == 1 and d["tool"]["name"] == "polint"
cl = d["clauses"]
old = [u["index"] for c in cl for u in c["old"]]
new = [u["index"] for c in cl for u in c["new"]]
assert sorted(old) == list(range(d["old"]["units"])), old
assert new == list(range(d["new"]["units"])), new          # new order is reading order
st = [c["status"] for c in cl]
assert st.count("renumbered") == 4 and st.count("inserted") == 1 and st.count("unchanged") == 6, st
for c in cl:
    if c["status"] == "renumbered":
        o, n = c["old"][0], c["new"][0]
        assert o["label"] != n["label"] and o["caption"] == n["caption"] and c["renumbered"], c
        assert not c["text_changed"]
        ls = [l["status"] for l in c["lines"]]
        assert ls[1] == "renumbered" and ls.count("renumbered") == 1 and set(ls) == {"unchanged", "renumbered"}, ls
    if c["status"] == "inserted":
        assert c["old"] == [] and c["new"][0]["clause"] == "第4条"
assert d["summary"]["differs"] is True and d["summary"]["renumbered"] == 4
PY' "$(cat "$T/err"; head -c 800 "$T/json")"
"$POLINT" diff --format json "$FX/base.docx" "$FX/wording.docx" >"$T/json2" 2>/dev/null
check "JSON: operations with text and code-point positions" \
    'python3 - "$T/json2" <<PY
import json, sys
d = json.load(open(sys.argv[1]))
c = [c for c in d["clauses"] if c["new"] and c["new"][0]["clause"] == "第5条"][0]
line = [l for l in c["lines"] if l["status"] == "changed"][0]
ops = line["ops"]
assert [o["op"] for o in ops] == ["equal", "insert", "equal"], ops
ins = ops[1]
assert ins["text"] == "書面による", ins
text = line["new"][0]["text"]
assert text[ins["new"]["start"]:ins["new"]["end"]] == "書面による"
assert ins["old"]["start"] == ins["old"]["end"]
assert "".join(o["text"] for o in ops if o["op"] != "delete") == text
assert "".join(o["text"] for o in ops if o["op"] != "insert") == line["old"][0]["text"]
PY' "$(head -c 800 "$T/json2")"

# 4. HTML: 改正後 left, 改正前 right, well nested, changes underlined
"$POLINT" diff --format html -o "$T/t.html" "$FX/base.docx" "$FX/table.docx"; rc=$?
check "HTML to a file: exit 1, tags balanced, 改正後 before 改正前, changed cell marked" \
    '[ $rc -eq 1 ] && python3 - "$T/t.html" <<PY
import sys
from html.parser import HTMLParser
src = open(sys.argv[1], encoding="utf-8").read()
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []
    def handle_starttag(self, tag, a):
        if tag not in ("br", "meta"): self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
p = P(); p.feed(src); assert p.stack == [], p.stack
assert src.index("<th>改正後</th>") < src.index("<th>改正前</th>")
assert "年<span class=\"c\">２</span>回" in src and "年<span class=\"c\">１</span>回" in src
assert "<script" not in src and "http" not in src.split("<body>")[1]
PY' "rc=$rc"

# 5. DOCX: written with -o, read back by polint
"$POLINT" diff --format docx -o "$T/nk.docx" "$FX/base.docx" "$FX/wording.docx"; rc=$?
check "DOCX to a file: exit 1, a valid zip" \
    '[ $rc -eq 1 ] && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; assert \"word/document.xml\" in z.namelist()" "$T/nk.docx"' "rc=$rc"
"$POLINT" extract "$T/nk.docx" >"$T/nk.txt" 2>&1; rc=$?
check "polint extract reads the DOCX table back" \
    '[ $rc -eq 0 ] && grep -q "^改正後	改正前$" "$T/nk.txt" && grep -q "市の書面による承諾を得て" "$T/nk.txt" && grep -q "速やかに所管課長に報告しなければならない" "$T/nk.txt"' "$(cat "$T/nk.txt")"
"$POLINT" diff --format docx "$FX/base.docx" "$FX/wording.docx" >"$T/stdout.docx" 2>/dev/null
check "DOCX to a pipe is the same package" 'cmp -s "$T/stdout.docx" "$T/nk.docx"'

# 6. plain text files (with and without a .txt name)
printf '（目的）\n第１条　この規程は、必要な事項を定める。\n（委任）\n第２条　この規程の施行に関し必要な事項は、市長が別に定める。\n' >"$T/old.txt"
printf '（目的）\r\n第１条　この規程は、必要な事項を定める。\r\n（定義）\r\n第２条　この規程において「職員」とは、市の職員をいう。\r\n（委任）\r\n第３条　この規程の施行に関し必要な事項は、市長が別に定める。\r\n' >"$T/new-draft"
"$POLINT" diff "$T/old.txt" "$T/new-draft" >"$T/txt" 2>&1; rc=$?
check "text files: an inserted article and a renumbered one" \
    '[ $rc -eq 1 ] && grep -q "■ 第2条（定義） 〔追加〕" "$T/txt" && grep -q "■ 第3条（委任）（改正前 第2条） 〔番号の変更〕" "$T/txt"' "$(cat "$T/txt")"
"$POLINT" diff "$T/old.txt" "$T/old.txt" >/dev/null 2>&1; rc=$?
check "a file against itself: exit 0" '[ $rc -eq 0 ]'

# 7. unreadable input and usage errors: exit 2, the file and the reason named
"$POLINT" diff "$FX/base.docx" "$T/missing.docx" >/dev/null 2>"$T/e1"; rc=$?
check "missing file: exit 2, named" '[ $rc -eq 2 ] && grep -q "missing.docx" "$T/e1"' "$(cat "$T/e1")"
cfb=$(printf '\320\317\021\340\241\261\032\341')
{ printf '%s' "$cfb"; head -c 1528 /dev/zero; } >"$T/old.doc"
printf '\202\261\202\352\202\315\n' >"$T/sjis.txt"
"$POLINT" diff "$T/old.doc" "$T/sjis.txt" >/dev/null 2>"$T/e2"; rc=$?
check "both unreadable files named with their reasons" \
    '[ $rc -eq 2 ] && grep -q "old.doc: .*\[LEGACY" "$T/e2" && grep -q "sjis.txt: .*\[INVALID_UTF8\]" "$T/e2"' "$(cat "$T/e2")"
"$POLINT" --lang en diff "$T/old.doc" "$FX/base.docx" >/dev/null 2>"$T/e3"
check "errors in English with --lang en" 'grep -q "old.doc: .*[Ll]egacy.*\[LEGACY" "$T/e3"' "$(cat "$T/e3")"
"$POLINT" diff "$FX/base.docx" >/dev/null 2>"$T/u1"; rc1=$?
"$POLINT" diff --format pdf "$FX/base.docx" "$FX/insert.docx" >/dev/null 2>"$T/u2"; rc2=$?
"$POLINT" diff --frobnicate "$FX/base.docx" "$FX/insert.docx" >/dev/null 2>"$T/u3"; rc3=$?
check "usage errors exit 2 and say what is wrong" \
    '[ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && [ $rc3 -eq 2 ] && grep -q "二つのファイル" "$T/u1" && grep -q -- "--format" "$T/u2" && grep -q -- "--frobnicate" "$T/u3"'
"$POLINT" diff -o "$T/no/such/dir/out.html" --format html "$FX/base.docx" "$FX/insert.docx" >/dev/null 2>"$T/u4"; rc=$?
check "an output file that cannot be created: exit 2" '[ $rc -eq 2 ] && grep -q "out.html" "$T/u4"' "$(cat "$T/u4")"
"$POLINT" --help | grep -q "polint diff 改正前 改正後"; rc=$?
check "diff is in the help" '[ $rc -eq 0 ]'

# a policy against a guideline edition: the issue's spelling of coverage
G=tests/fixtures/guideline/lo-minato-taisaku-r4.docx
"$POLINT" diff --guideline R7.3 "$G" --since declared --format json >"$T/g1" 2>&1; rc1=$?
"$POLINT" guideline coverage R7.3 "$G" --since declared --format json >"$T/g2" 2>&1; rc2=$?
check "diff --guideline E POLICY is guideline coverage E POLICY" \
    '[ $rc1 -eq $rc2 ] && [ -s "$T/g1" ] && cmp -s "$T/g1" "$T/g2"' "rc=$rc1/$rc2 $(head -5 "$T/g1")"
"$POLINT" diff --guideline >"$T/g3" 2>&1; rc=$?
check "diff --guideline without an edition: usage error, exit 2" '[ $rc -eq 2 ]' "$(cat "$T/g3")"

[ "$failed" -eq 0 ] || exit 1
