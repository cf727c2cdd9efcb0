#!/usr/bin/env python3
"""Compares polint's extraction with other projects' expectations.

pandoc (../shared/corpora/pandoc-docx): each docx with the AST pandoc's own
  reader tests expect (ORACLE.tsv). The AST is turned into text in reading
  order by walking pandoc's JSON (plain text would interleave the lines of
  grid-table cells), footnotes last, as polint emits them. Both sides are cut
  into word tokens (runs of letters/digits), so punctuation and layout do not
  count; what is compared is the words and their order. pandoc drops headers,
  footers, list labels and comments; polint's blocks on those channels and
  its labels are left out of the comparison accordingly. An image's
  description (alt text) is in pandoc's AST but is not text a reader sees,
  so it is left out of the expectation.
xlsx2csv (../shared/corpora/xlsx2csv): each workbook with the CSV xlsx2csv
  wrote, cell by cell: dates by value (polint's ISO value in xlsx2csv's date
  format), numbers by value, text exactly.
calamine (../shared/corpora/calamine): every workbook must be read (or
  refused with the right reason), with spot checks of values calamine's tests
  assert.

Every difference that remains must be listed in known-differences.tsv with
its explanation (pandoc's convention, xlsx2csv's convention, or an oracle
problem); an unexplained difference fails the run.
"""
import argparse
import collections
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return TOKEN.findall(text)


def run_polint(polint, path, *args):
    p = subprocess.run([polint, "extract", "--format", "json", "--no-metadata", *args, path],
                       capture_output=True)
    try:
        out = json.loads(p.stdout.decode("utf-8"))
    except ValueError:
        return {"status": "crash", "error": {"code": "NO_JSON", "message": p.stderr.decode()}}
    doc = out["documents"][0]
    if p.returncode < 0:
        doc["status"] = "crash"
    return doc


# ---- pandoc ----------------------------------------------------------------

class PandocText:
    """Walks a pandoc JSON AST into paragraphs, notes kept for the end."""

    def __init__(self):
        self.paragraphs = []
        self.notes = []

    def inlines(self, items, out, notes):
        for it in items:
            t, c = it.get("t"), it.get("c")
            if t == "Str":
                out.append(c)
            elif t in ("Space", "SoftBreak"):
                out.append(" ")
            elif t == "LineBreak":
                out.append("\n")
            elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript",
                       "SmallCaps"):
                self.inlines(c, out, notes)
            elif t == "Quoted":
                self.inlines(c[1], out, notes)
            elif t == "Cite":
                self.inlines(c[1], out, notes)
            elif t == "Code":
                out.append(c[1])
            elif t == "Math":
                out.append(c[1])
            elif t == "Link":
                self.inlines(c[1], out, notes)
            elif t == "Span":
                self.inlines(c[1], out, notes)
            elif t == "Note":
                notes.append(c)

    def para(self, items, dest):
        out, notes = [], []
        self.inlines(items, out, notes)
        dest.append("".join(out))
        for n in notes:
            self.blocks(n, self.notes)

    def blocks(self, blocks, dest):
        for b in blocks:
            t, c = b.get("t"), b.get("c")
            if t in ("Para", "Plain"):
                self.para(c, dest)
            elif t == "Header":
                self.para(c[2], dest)
            elif t == "LineBlock":
                for line in c:
                    self.para(line, dest)
            elif t == "CodeBlock":
                dest.append(c[1])
            elif t in ("BlockQuote",):
                self.blocks(c, dest)
            elif t == "Div":
                self.blocks(c[1], dest)
            elif t == "BulletList":
                for item in c:
                    self.blocks(item, dest)
            elif t == "OrderedList":
                for item in c[1]:
                    self.blocks(item, dest)
            elif t == "DefinitionList":
                for term, defs in c:
                    self.para(term, dest)
                    for d in defs:
                        self.blocks(d, dest)
            elif t == "Table":
                self.table(c, dest)

    def table(self, c, dest):
        _attr, caption, _specs, head, bodies, foot = c
        self.blocks(caption[1], dest)
        rows = list(head[1])
        for body in bodies:
            rows += body[2] + body[3]
        rows += foot[1]
        for row in rows:
            for cell in row[1]:
                self.blocks(cell[4], dest)


def pandoc_expected(native_path):
    p = subprocess.run(["pandoc", "-f", "native", "-t", "json", native_path], capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    ast = json.loads(p.stdout)
    w = PandocText()
    w.blocks(ast["blocks"], w.paragraphs)
    return "\n".join(w.paragraphs + w.notes), None


PANDOC_CHANNELS_MAIN = ("body", "table", "textbox")
PANDOC_CHANNELS_NOTES = ("footnote", "endnote")


def polint_text_for_pandoc(doc):
    blocks = doc.get("blocks", [])
    main = [b["text"] for b in blocks if b["channel"] in PANDOC_CHANNELS_MAIN]
    notes = [b["text"] for b in blocks if b["channel"] in PANDOC_CHANNELS_NOTES]
    return "\n".join(main + notes)


def describe(expected, ours):
    """A short account of how two token lists differ."""
    exp_c, our_c = collections.Counter(expected), collections.Counter(ours)
    missing = list((exp_c - our_c).elements())
    extra = list((our_c - exp_c).elements())
    parts = []
    if missing:
        parts.append("missing %d: %s" % (len(missing), " ".join(missing[:12])))
    if extra:
        parts.append("extra %d: %s" % (len(extra), " ".join(extra[:12])))
    if not parts:
        parts.append("same words, different order")
    return "; ".join(parts)


# Oracles made by pandoc's tests with an option other than the default view.
PANDOC_VIEW = {"track_changes_scrubbed_metadata.docx": "all"}


def pandoc_cases(root):
    cases = []
    for line in open(os.path.join(root, "ORACLE.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        docx, natives = cols[0], cols[1].split("/")
        cases.append((docx, natives[0], PANDOC_VIEW.get(docx, "accept")))
        base = natives[0]
        if base.endswith("_accept.native"):
            stem = base[: -len("_accept.native")]
            for view in ("reject", "all"):
                if os.path.exists(os.path.join(root, "%s_%s.native" % (stem, view))):
                    cases.append((docx, "%s_%s.native" % (stem, view), view))
    return cases


def compare_pandoc(polint, root, known, report):
    results = collections.Counter()
    for docx, native, view in pandoc_cases(root):
        key = "pandoc:%s:%s" % (docx, view)
        expected, oracle_err = pandoc_expected(os.path.join(root, native))
        if expected is None:
            report.append((key, "oracle", "pandoc cannot read %s: %s" % (native, oracle_err)))
            results["oracle unreadable"] += 1
            continue
        doc = run_polint(polint, os.path.join(root, docx), "--tracked", view)
        if doc.get("status") != "ok":
            err = doc.get("error", {})
            report.append((key, "error", "%s %s" % (err.get("code"), err.get("message"))))
            results["polint error"] += 1
            continue
        exp_t, our_t = tokens(expected), tokens(polint_text_for_pandoc(doc))
        if exp_t == our_t:
            results["match"] += 1
        else:
            report.append((key, "differs", describe(exp_t, our_t)))
            results["differs"] += 1
    return results


# ---- xlsx2csv ----------------------------------------------------------------

# Options xlsx2csv's test run used, per workbook (corpora README).
XLSX2CSV_OPTIONS = {
    "datetime": {"dateformat": "%Y-%m-%d %H:%M:%S"},
    "sheets": {"all": True},
    "sheets_order": {"all": True},
    "skip_empty_lines": {"skip_empty": True},
    "variousdelim": {"all": True, "delimiter": "\t", "lineterminator": "\r"},
}


def read_expected_csv(path, opts):
    raw = open(path, encoding="utf-8", newline="").read()
    delim = opts.get("delimiter", ",")
    term = opts.get("lineterminator", "\n")
    sheets, current = [], []
    rows = list(csv.reader(io.StringIO(raw.replace(term, "\n") if term != "\n" else raw),
                           delimiter=delim))
    for row in rows:
        # xlsx2csv -a starts each sheet with "<delimiter> N - name"; the
        # delimiter is "--------" by default ("!" with --sheetdelimiter=x33)
        if row and len(row) == 1 and re.match(r"^(--------|!) \d+ - ", row[0]):
            if current or sheets:
                sheets.append(current)
            current = []
            continue
        current.append(row)
    sheets.append(current)
    if opts.get("all") and sheets and not sheets[0]:
        sheets = sheets[1:]
    return sheets


def polint_sheets(doc, opts):
    """Rows of cells per sheet, as strings comparable with xlsx2csv's."""
    sheets = collections.OrderedDict()
    for b in doc.get("blocks", []):
        if b["kind"] != "cell" or b["channel"] != "cell":
            continue
        loc = b["location"]
        grid = sheets.setdefault(loc["sheet"], {})
        grid[(loc["row"], loc["col"])] = b
    out = []
    for name, grid in sheets.items():
        if not grid:
            out.append([])
            continue
        nrows = max(r for r, _ in grid)
        ncols = max(c for _, c in grid)
        rows = []
        for r in range(1, nrows + 1):
            rows.append([grid.get((r, c)) for c in range(1, ncols + 1)])
        out.append(rows)
    if not opts.get("all"):
        out = out[:1]
    return out


def number(s):
    s = s.strip().replace(",", "")
    pct = s.endswith("%")
    try:
        v = float(s[:-1] if pct else s)
    except ValueError:
        return None
    return v / 100 if pct else v


def cell_matches(expected, block, opts):
    if block is None:
        return expected == ""
    if block.get("type") in ("date", "datetime") and block.get("value"):
        iso = block["value"]
        fmt = opts.get("dateformat", "%Y-%m-%d")
        try:
            if "T" in iso:
                d = datetime.datetime.fromisoformat(iso)
            else:
                d = datetime.datetime.fromisoformat(iso + "T00:00:00")
            if d.strftime(fmt) == expected or d.strftime("%Y-%m-%d") == expected:
                return True
        except ValueError:
            pass
    if block["text"] == expected:
        return True
    a, b = number(expected), number(block["text"])
    if a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a)):
        return True
    if block.get("raw") and number(block["raw"]) is not None and a is not None:
        if abs(number(block["raw"]) - a) <= 1e-9 * max(1.0, abs(a)):
            return True
    return False


def compare_xlsx2csv(polint, root, known, report):
    results = collections.Counter()
    for name in sorted(os.listdir(root)):
        stem, ext = os.path.splitext(name)
        if ext not in (".xlsx", ".xlsm") or not os.path.exists(os.path.join(root, stem + ".csv")):
            continue
        key = "xlsx2csv:%s" % name
        opts = XLSX2CSV_OPTIONS.get(stem, {})
        doc = run_polint(polint, os.path.join(root, name))
        if doc.get("status") != "ok":
            err = doc.get("error", {})
            report.append((key, "error", "%s %s" % (err.get("code"), err.get("message"))))
            results["polint error"] += 1
            continue
        expected = read_expected_csv(os.path.join(root, stem + ".csv"), opts)
        ours = polint_sheets(doc, opts)
        cells = bad = 0
        first_bad = None
        for s, exp_rows in enumerate(expected):
            our_rows = ours[s] if s < len(ours) else []
            if opts.get("skip_empty"):
                our_rows = [r for r in our_rows if any(c is not None for c in r)]
            exp_rows = [r for r in exp_rows if any(x != "" for x in r)] if not exp_rows else exp_rows
            for r, exp_row in enumerate(exp_rows):
                our_row = our_rows[r] if r < len(our_rows) else []
                for c, exp in enumerate(exp_row):
                    cells += 1
                    blk = our_row[c] if c < len(our_row) else None
                    if not cell_matches(exp, blk, opts):
                        bad += 1
                        if first_bad is None:
                            first_bad = "sheet %d row %d col %d: expected %r, polint %r" % (
                                s + 1, r + 1, c + 1, exp, blk["text"] if blk else "")
        if bad == 0:
            results["match"] += 1
        else:
            report.append((key, "differs", "%d of %d cells; first %s" % (bad, cells, first_bad)))
            results["differs"] += 1
    return results


# ---- calamine ----------------------------------------------------------------

def cell_text(doc, sheet_index=0):
    names = []
    for b in doc.get("blocks", []):
        if b["kind"] == "cell" and b["location"]["sheet"] not in names:
            names.append(b["location"]["sheet"])
    return [b["text"] for b in doc.get("blocks", [])
            if b["kind"] == "cell" and names and b["location"]["sheet"] == names[sheet_index]]


CALAMINE_CHECKS = {
    # calamine tests/test.rs skip_phonetic_text: readings are not text
    "rph.xlsx": lambda d: "課きく　毛こ" in cell_text(d) and not any(
        "カ" in t or "ケ" in t for t in cell_text(d)),
    "pass_protected.xlsx": lambda d: d.get("error", {}).get("code") == "ENCRYPTED",
    "has_x000D_.xlsx": lambda d: any("\r" in t for t in cell_text(d)),
    "date_1904.xlsx": lambda d: any(b.get("type") in ("date", "datetime")
                                    for b in d.get("blocks", [])),
    "date_quoted_format.xlsx": lambda d: any("年" in t for t in cell_text(d)),
}


def compare_calamine(polint, root, known, report):
    results = collections.Counter()
    for name in sorted(os.listdir(root)):
        if not name.endswith((".xlsx", ".xlsm")):
            continue
        key = "calamine:%s" % name
        doc = run_polint(polint, os.path.join(root, name))
        check = CALAMINE_CHECKS.get(name)
        if doc.get("status") == "crash":
            report.append((key, "crash", "no JSON from polint"))
            results["crash"] += 1
        elif check is not None:
            if check(doc):
                results["match"] += 1
            else:
                report.append((key, "differs", "spot check failed"))
                results["differs"] += 1
        elif doc.get("status") != "ok":
            err = doc.get("error", {})
            report.append((key, "error", "%s %s" % (err.get("code"), err.get("message"))))
            results["polint error"] += 1
        else:
            results["read"] += 1
    return results


def load_known(path):
    known = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                known[cols[0]] = (cols[1], cols[2])
    return known


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--polint", required=True)
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--known", required=True)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    known = load_known(a.known)
    report = []
    sections = [
        ("pandoc docx", compare_pandoc, "pandoc-docx"),
        ("xlsx2csv", compare_xlsx2csv, "xlsx2csv"),
        ("calamine", compare_calamine, "calamine"),
    ]
    totals = {}
    for title, fn, sub in sections:
        root = os.path.join(a.corpora, sub)
        if os.path.isdir(root):
            totals[title] = fn(a.polint, root, known, report)
    unexplained = 0
    print("%-40s %s" % ("case", "result"))
    for key, kind, detail in report:
        if key in known:
            category, why = known[key]
            print("%-40s %s: %s\n%40s explained (%s): %s" % (key, kind, detail, "", category, why))
        else:
            unexplained += 1
            print("%-40s %s: %s  [UNEXPLAINED]" % (key, kind, detail))
    print()
    for title, counts in totals.items():
        total = sum(counts.values())
        ok = counts["match"] + counts["read"]
        print("%-12s %3d/%-3d match (%.0f%%)  %s" % (
            title, ok, total, 100.0 * ok / total if total else 0,
            ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    stale = [k for k in known if k not in {r[0] for r in report}]
    for k in stale:
        print("note: %s is listed in known-differences.tsv but now matches" % k)
    if unexplained:
        print("test-external: %d unexplained difference(s)" % unexplained)
        sys.exit(1)
    print("test-external: every difference is explained")


if __name__ == "__main__":
    main()
