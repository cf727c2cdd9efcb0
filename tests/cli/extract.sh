#!/bin/sh
# polint extract from the command line: exit codes, error messages that name
# the file and the reason, runs that carry on past broken files, both
# languages, and JSON that parses. Inputs are generated here.
set -u
POLINT=${POLINT:-build/polint}
case "$POLINT" in /*) ;; *) POLINT="$(pwd)/$POLINT" ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }

python3 - "$T" <<'PY'
import sys, zipfile, os
d = sys.argv[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
def docx(path, body):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
os.makedirs(os.path.join(d, "set", "sub"))
docx(os.path.join(d, "set", "a.docx"), '<w:p><w:r><w:t>第一の文書です。</w:t></w:r></w:p>')
docx(os.path.join(d, "set", "sub", "c.docx"), '<w:p><w:r><w:t>三番目</w:t></w:r></w:p>')
open(os.path.join(d, "set", "b.docx"), "wb").write(b"PK\x03\x04 truncated")
open(os.path.join(d, "set", "notes.txt"), "w").write("not a document")
open(os.path.join(d, "set", "~$a.docx"), "wb").write(b"\x00lock")
cfb = bytearray(1536)
cfb[0:8] = bytes([0xD0,0xCF,0x11,0xE0,0xA1,0xB1,0x1A,0xE1])
open(os.path.join(d, "set", "old.doc"), "wb").write(bytes(cfb))
docx(os.path.join(d, "dtd.docx"), '')
with zipfile.ZipFile(os.path.join(d, "dtd.docx"), "a") as z:
    pass
PY

# 1. a good file: text on stdout, exit 0
out=$("$POLINT" extract "$T/set/a.docx" 2>&1); rc=$?
check "reads a docx (exit 0)" '[ $rc -eq 0 ] && [ "$out" = "第一の文書です。" ]' "rc=$rc out=$out"

# 2. a directory with broken files: every readable file read, exit 2,
#    each unreadable one named on stderr with its reason
"$POLINT" extract "$T/set" >"$T/out" 2>"$T/err"; rc=$?
check "directory run exits 2 when a file is unreadable" '[ $rc -eq 2 ]' "rc=$rc"
check "directory run still reads the good files, in sorted order" \
    'grep -q "第一の文書です。" "$T/out" && grep -q "三番目" "$T/out" && [ "$(grep -n "==>" "$T/out" | head -1 | grep -c a.docx)" = 1 ]' "$(cat "$T/out")"
check "truncated zip is named with its reason" 'grep -q "b.docx: .*\[ZIP_CORRUPT\]" "$T/err"' "$(cat "$T/err")"
check "legacy .doc in a folder is reported, not skipped" 'grep -q "old.doc: .*\[LEGACY" "$T/err"' "$(cat "$T/err")"
check "lock files and non-documents are skipped" '! grep -q "~\$a.docx\|notes.txt" "$T/err" "$T/out"'

# 3. JSON: parses, one entry per file, errors carry a code
"$POLINT" extract --format json "$T/set" >"$T/json" 2>/dev/null
check "JSON output parses and lists every file with its status" \
    'python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
st={x[\"path\"].rsplit(\"/\",1)[1]: x[\"status\"] for x in d[\"documents\"]}
assert st==dict(zip([\"a.docx\",\"b.docx\",\"old.doc\",\"c.docx\"],[\"ok\",\"error\",\"error\",\"ok\"])), st
assert [x for x in d[\"documents\"] if x[\"status\"]==\"error\"][0][\"error\"][\"code\"]==\"ZIP_CORRUPT\"
assert len(d[\"documents\"][0][\"sha256\"])==64
" "$T/json"' "$(head -c 600 "$T/json")"

# 4. languages
"$POLINT" extract "$T/set/b.docx" 2>"$T/ja" >/dev/null
"$POLINT" --lang en extract "$T/set/b.docx" 2>"$T/en" >/dev/null
check "Japanese by default, English with --lang en" \
    'grep -q "壊れて" "$T/ja" && grep -q "damaged" "$T/en"' "$(cat "$T/ja" "$T/en")"
LANG=en_US.UTF-8 "$POLINT" extract "$T/set/b.docx" 2>"$T/en2" >/dev/null
check "English from LANG" 'grep -q "damaged" "$T/en2"'

# 5. usage errors exit 2 and say so
"$POLINT" extract --format yaml "$T/set/a.docx" >/dev/null 2>"$T/u"; rc=$?
check "bad option value is a usage error (exit 2)" '[ $rc -eq 2 ] && grep -q -- "--format" "$T/u"'
"$POLINT" frobnicate >/dev/null 2>&1; rc=$?
check "unknown subcommand exits 2" '[ $rc -eq 2 ]'
"$POLINT" extract "$T/missing.docx" >/dev/null 2>"$T/m"; rc=$?
check "missing file exits 2 naming it" '[ $rc -eq 2 ] && grep -q "missing.docx" "$T/m"'

# 6. a list file
printf '%s\n%s\n' "$T/set/a.docx" "$T/set/sub/c.docx" > "$T/list"
out=$("$POLINT" extract --files-from "$T/list" 2>&1); rc=$?
check "--files-from reads the listed files" '[ $rc -eq 0 ] && echo "$out" | grep -q 三番目' "$out"

[ $failed -eq 0 ]
