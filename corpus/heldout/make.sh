#!/bin/sh
# Regenerates the held-out documents in corpus/heldout/ from their sources in
# corpus/heldout/src, the same way tools/fixtures/make-corpus.sh builds corpus/:
#
#   corpus/heldout/make.sh
#
# Text sources (src/*.txt) go through tools/fixtures/corpus_doc.py to the producer
# each names (%producer wordxml | fodt | pydocx); src/*.py write an XLSX with openpyxl;
# src/*.fods is converted to XLSX by LibreOffice. Expectations: corpus/heldout/expected.tsv.
#
# Needs soffice (LibreOffice 7.4) and /usr/bin/python3 with python3-docx and
# python3-openpyxl. Not run by `make`; the generated files are committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tools="$root/tools/fixtures"
out="$here"
src="$here/src"
PY=/usr/bin/python3
# shellcheck source=tools/fixtures/lo-env.sh
. "$tools/lo-env.sh"
LO_TOOLS=$tools # lo-env.sh takes its folder from $0, which is this script

work=$(mktemp -d "${TMPDIR:-/tmp}/polint-heldout.XXXXXX")
trap 'lo_cleanup; rm -rf "$work"' EXIT
trap 'exit 1' HUP INT PIPE TERM
lo_setup

# ---------------------------------------------------------------- text sources
mkdir -p "$work/fodt" "$work/lo" "$work/parts"
: >"$work/lo-moves"
generated=""
build_txt() { # SRC.txt OUTPUT (without extension) TAG
    # shellcheck disable=SC2046 # "PRODUCER FORMAT" splits into $4 $5
    set -- "$1" "$2" "$3" $($PY "$tools/corpus_doc.py" info "$1")
    case $4 in
    wordxml)
        rm -rf "$work/parts/$3"
        $PY "$tools/corpus_doc.py" wordxml "$1" "$work/parts/$3"
        $PY "$tools/ooxmlzip.py" "$work/parts/$3" "$2.docx"
        generated="$generated $2.docx" ;;
    pydocx)
        $PY "$tools/corpus_doc.py" pydocx "$1" "$2.docx"
        generated="$generated $2.docx" ;;
    fodt)
        $PY "$tools/corpus_doc.py" fodt "$1" "$work/fodt/$3.fodt"
        printf '%s\t%s\t%s\n' "$3" "$5" "$2.$5" >>"$work/lo-moves"
        generated="$generated $2.$5" ;;
    *) echo "unknown producer '$4' in $1" >&2; exit 1 ;;
    esac
}
for s in "$src"/*.txt; do
    n=$(basename "$s" .txt)
    build_txt "$s" "$out/$n" "$n"
done
docx_in=$(awk -F'\t' -v d="$work/fodt" '$2 == "docx" { printf "%s/%s.fodt\n", d, $1 }' "$work/lo-moves")
# shellcheck disable=SC2086 # one path per line, no spaces
[ -z "$docx_in" ] || lo_run --convert-to 'docx:MS Word 2007 XML' --outdir "$work/lo" $docx_in
while IFS="$(printf '\t')" read -r tag ext dest; do
    mv "$work/lo/$tag.$ext" "$dest"
done <"$work/lo-moves"

# ---------------------------------------------------------------- ledgers
for s in "$src"/*.py; do
    n=$(basename "$s" .py)
    $PY "$s" "$out/$n.xlsx"
    generated="$generated $out/$n.xlsx"
done
for s in "$src"/*.fods; do
    lo_run --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$out" "$s"
    generated="$generated $out/$(basename "$s" .fods).xlsx"
done

for f in $generated; do
    [ -s "$f" ] || { echo "not generated: ${f#"$root"/}" >&2; exit 1; }
    echo "$(wc -c <"$f") ${f#"$root"/}"
done
