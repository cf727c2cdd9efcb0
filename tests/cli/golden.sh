#!/bin/sh
# Golden test: polint's results on the sample corpus against corpus/expected.tsv.
#
#   POLINT=build/polint sh tests/cli/golden.sh [PATH...]
#   GOLDEN_DIR=corpus/heldout POLINT=build/polint sh tests/cli/golden.sh [PATH...]
#
# GOLDEN_DIR (default: corpus; relative to the repository root, or absolute) is the
# folder whose expected.tsv and documents are compared, e.g. the held-out set.
#
# For every document listed in corpus/expected.tsv (or only the PATHs given,
# relative to corpus/) it runs
#     polint check --format json --as-of 2026-11-22 --no-progress corpus/PATH
# (a bundle, listed as a folder with a trailing slash, with --bundle) and
# compares the state of each listed rule with the expected one: one
# "ok N - ..." / "not ok N - ..." line per document, the mismatches listed
# under it. Then, for information, the per-rule precision and recall of
# `fail` over the listed (document, rule) pairs: a true positive is a listed
# expected fail that polint reports as fail; a false positive is a fail
# reported where the expectation is pass / notapplicable / error; a false
# negative is an expected fail reported as anything else.
#
# The expectations were written from the rule catalogue and the documents, not
# from polint's output (corpus/README.md); a mismatch is a finding about polint
# or about an expectation, to be decided by reading both, never by copying the
# result into expected.tsv. Needs sh and python3 (standard library only).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
POLINT=${POLINT:-build/polint}
case "$POLINT" in /*) ;; *) POLINT="$(pwd)/$POLINT" ;; esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "# SKIP golden.sh: python3 not found, the golden corpus test needs it"
    exit 0
fi
if [ ! -x "$POLINT" ]; then
    echo "not ok 1 - polint binary not found at $POLINT (build it first or set POLINT)"
    exit 1
fi

GOLDEN_DIR=${GOLDEN_DIR:-corpus}
case "$GOLDEN_DIR" in /*) ;; *) GOLDEN_DIR="$ROOT/$GOLDEN_DIR" ;; esac
GOLDEN_ROOT=$ROOT exec python3 - "$POLINT" "$GOLDEN_DIR" "$@" <<'PYEOF'
import json
import os
import subprocess
import sys

AS_OF = "2026-11-22"
STATES = {"pass", "fail", "notapplicable", "error"}
RULES = [
    "contract.policy-compliance", "contract.responsibility", "contract.service-level",
    "contract.staff-training", "contract.purpose-limitation", "contract.confidentiality",
    "contract.subcontracting", "contract.subcontracting-flowdown", "contract.subcontracting-share",
    "contract.data-return", "contract.reporting", "contract.audit", "contract.publication",
    "contract.liability", "contract.carry-out", "contract.copy",
    "spec.security-functions", "spec.eol", "spec.eol-in-term",
    "ledger.eol", "ledger.eol-in-term",
    "policy.edition", "policy.eol-software", "policy.outsourcing-items", "policy.audit-annual",
    "doc.unreadable", "doc.tracked-changes", "doc.comments",
]

polint, corpus, only = sys.argv[1], sys.argv[2], sys.argv[3:]
# how the folder is named in the output ("corpus" by default, as before GOLDEN_DIR)
LABEL = os.path.relpath(corpus, os.environ.get("GOLDEN_ROOT", os.path.dirname(corpus)))
n = 0
failed = 0


def ok(msg):
    global n
    n += 1
    print("ok %d - %s" % (n, msg))


def not_ok(msg, details=()):
    global n, failed
    n += 1
    failed += 1
    print("not ok %d - %s" % (n, msg))
    for d in details:
        print("#   " + d)


# ---------------------------------------------------------------- expected.tsv
expected = {}  # path -> {rule: (state, reason)}
order = []
problems = []
tsv = os.path.join(corpus, "expected.tsv")
try:
    lines = open(tsv, encoding="utf-8").read().split("\n")
except OSError as e:
    not_ok(LABEL + "/expected.tsv can be read", [str(e)])
    sys.exit(1)
for lineno, line in enumerate(lines, 1):
    if not line or line.startswith("#") or line.startswith("path\t"):
        continue
    cols = line.split("\t")
    if len(cols) != 4:
        problems.append("line %d: %d columns, want 4" % (lineno, len(cols)))
        continue
    path, rule, state, reason = cols
    if rule not in RULES:
        problems.append("line %d: unknown rule id %r" % (lineno, rule))
    if state not in STATES:
        problems.append("line %d: unknown state %r" % (lineno, state))
    if not reason.strip():
        problems.append("line %d: no reason" % lineno)
    if path not in expected:
        expected[path] = {}
        order.append(path)
    if rule in expected[path]:
        problems.append("line %d: %s %s listed twice" % (lineno, path, rule))
    expected[path][rule] = (state, reason)
    if not os.path.exists(os.path.join(corpus, path)):
        problems.append("line %d: %s/%s does not exist" % (lineno, LABEL, path))
if problems:
    not_ok(LABEL + "/expected.tsv is well-formed", problems[:30])
else:
    ok(LABEL + "/expected.tsv is well-formed (%d documents/bundles, %d expectations)"
       % (len(order), sum(len(v) for v in expected.values())))
if only:
    wanted = set(only)
    order = [p for p in order if p in wanted or p.rstrip("/") in wanted]


# ---------------------------------------------------------------- run polint
def run(path):
    """The rule -> state map polint reports for a document or bundle, or an
    error string."""
    target = os.path.join(corpus, path)
    cmd = [polint, "check", "--format", "json", "--as-of", AS_OF, "--no-progress"]
    bundle = path.endswith("/")
    if bundle:
        cmd.append("--bundle")
    cmd.append(target)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "polint did not finish within 120 s"
    if p.returncode not in (0, 1, 2):
        return None, "polint exited with status %d: %s" % (
            p.returncode, p.stderr.decode("utf-8", "replace").strip()[:300])
    try:
        report = json.loads(p.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        return None, "no JSON report (%s); stderr: %s" % (
            e, p.stderr.decode("utf-8", "replace").strip()[:300])
    if bundle:
        bundles = report.get("bundles") or []
        if len(bundles) != 1:
            return None, "expected one bundle in the report, got %d" % len(bundles)
        results = bundles[0].get("results") or []
    else:
        docs = report.get("documents") or []
        if len(docs) != 1:
            return None, "expected one document in the report, got %d" % len(docs)
        results = docs[0].get("results") or []
    states = {}
    for r in results:
        states[r.get("rule")] = r.get("state")
    return states, None


# per rule: true positives, false positives, false negatives of `fail`
score = {}
compared = 0
agreed = 0
for path in order:
    states, err = run(path)
    exp = expected[path]
    label = LABEL + "/" + path + (" (bundle)" if path.endswith("/") else "")
    if err:
        not_ok(label, [err])
        for rule, (state, _) in exp.items():
            if state == "fail":
                score.setdefault(rule, [0, 0, 0])[2] += 1
        continue
    mismatches = []
    for rule in sorted(exp, key=RULES.index):
        want, reason = exp[rule]
        got = states.get(rule, "missing")
        compared += 1
        s = score.setdefault(rule, [0, 0, 0])
        if want == "fail" and got == "fail":
            s[0] += 1
        elif got == "fail":
            s[1] += 1
        elif want == "fail":
            s[2] += 1
        if got == want:
            agreed += 1
        else:
            mismatches.append("%s: expected %s, got %s — %s" % (rule, want, got, reason))
    if mismatches:
        not_ok("%s: %d of %d rules differ" % (label, len(mismatches), len(exp)), mismatches)
    else:
        ok("%s: %d rules as expected" % (label, len(exp)))

# ---------------------------------------------------------------- summary
print("# %d of %d listed (document, rule) states agree" % (agreed, compared))
print("# precision / recall of `fail` per rule (tp = expected and reported fail):")
print("# %-34s %4s %4s %4s %9s %7s" % ("rule", "tp", "fp", "fn", "precision", "recall"))
tot = [0, 0, 0]


def ratio(a, b):
    return "%.2f" % (a / b) if b else "-"


for rule in RULES:
    if rule not in score:
        continue
    tp, fp, fn = score[rule]
    tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
    print("# %-34s %4d %4d %4d %9s %7s" % (rule, tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)))
print("# %-34s %4d %4d %4d %9s %7s" % ("all rules", tot[0], tot[1], tot[2],
                                          ratio(tot[0], tot[0] + tot[1]), ratio(tot[0], tot[0] + tot[2])))
sys.exit(1 if failed else 0)
PYEOF
