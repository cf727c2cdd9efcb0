#!/usr/bin/python3
"""`make bench`: polint's speed and memory against the libzip+libxml2 floor.

Generates the corpus once (tools/bench-gen.py, into bench-out/), then times,
best of three runs on one core (taskset -c 0 when available):
  floor            inflate + SAX-parse the same parts, no other work
  extract text     polint extract --format text over the whole corpus
  extract json     polint extract --format json
  check            polint check --format json --jobs 1 with the default packs
and reports each as a ratio to the floor (target for extract: within 1.5x;
check adds every rule's patterns, so it is reported, not held to 1.5x)
together with the peak RSS of polint over corpora of different sizes
(target: flat, under 64 MB for extract), and how check scales with --jobs.
"""
import glob
import os
import shutil
import subprocess
import sys
import time

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
OUT = "bench-out"
POLINT = os.path.join(BUILD, "polint")
FLOOR = os.path.join(BUILD, "floor")
RUNS = 3


def ensure_corpus():
    stamp = os.path.join(OUT, ".generator")
    gen = open("tools/bench-gen.py", "rb").read()
    if os.path.exists(stamp) and open(stamp, "rb").read() == gen:
        return
    shutil.rmtree(OUT, ignore_errors=True)
    print("generating the benchmark corpus in %s/ ..." % OUT, flush=True)
    subprocess.run([sys.executable, "tools/bench-gen.py", OUT], check=True)
    open(stamp, "wb").write(gen)


def pin(cmd):
    return (["taskset", "-c", "0"] + cmd) if shutil.which("taskset") else cmd


def run_once(cmd, allowed=(0,), pinned=True):
    """Wall seconds and the child's own peak RSS in KiB."""
    t0 = time.perf_counter()
    p = subprocess.Popen(pin(cmd) if pinned else cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in allowed:
        sys.exit("bench: %s exited %d\n%s" % (" ".join(cmd[:3]), code, err[-2000:]))
    return secs, usage.ru_maxrss


def best(cmd, allowed=(0,), pinned=True):
    results = [run_once(cmd, allowed, pinned) for _ in range(RUNS)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main():
    for tool in (POLINT, FLOOR):
        if not os.access(tool, os.X_OK):
            sys.exit("bench: %s missing (run make bench)" % tool)
    ensure_corpus()
    contracts = sorted(glob.glob(os.path.join(OUT, "contracts", "*.docx")))
    ledgers = sorted(glob.glob(os.path.join(OUT, "ledgers", "*.xlsx")))
    large = sorted(glob.glob(os.path.join(OUT, "large", "*.docx")))
    everything = contracts + ledgers + large
    mb = sum(os.path.getsize(f) for f in everything) / 1e6

    print("corpus: %d contracts, %d ledgers (up to 20,000 rows), %d large DOCX; %.1f MB on disk"
          % (len(contracts), len(ledgers), len(large), mb))
    print()
    rows = []
    for name, files in (("contracts", contracts), ("ledgers", ledgers), ("large", large),
                        ("all", everything)):
        floor_s, _ = best([FLOOR] + files)
        text_s, text_rss = best([POLINT, "extract", "--format", "text", "--no-metadata"] + files)
        json_s, json_rss = best([POLINT, "extract", "--format", "json", "--no-metadata"] + files)
        rows.append((name, floor_s, text_s, json_s, max(text_rss, json_rss)))
    print("%-10s %9s %13s %13s %10s" % ("set", "floor s", "text s (x)", "json s (x)", "peak RSS"))
    for name, f, t, j, rss in rows:
        print("%-10s %9.3f %7.3f (%.2f) %7.3f (%.2f) %7.1f MB" % (name, f, t, t / f, j, j / f,
                                                                 rss / 1024))
    print()
    # Memory must not grow with the number of documents: compare 40 with 400.
    small_rss = best([POLINT, "extract", "--format", "json"] + contracts[:40])[1]
    big_rss = best([POLINT, "extract", "--format", "json"] + contracts)[1]
    print("peak RSS, extract --format json: 40 contracts %.1f MB, 400 contracts %.1f MB"
          % (small_rss / 1024, big_rss / 1024))
    # check: findings exit 1, which is a normal outcome here
    check = [POLINT, "check", "--format", "json", "--no-progress", "--as-of", "2026-11-22"]
    print()
    print("%-10s %9s %13s %10s" % ("set", "floor s", "check s (x)", "peak RSS"))
    for name, files in (("contracts", contracts), ("ledgers", ledgers), ("large", large)):
        floor_s = best([FLOOR] + files)[0]
        check_s, check_rss = best(check + ["--jobs", "1"] + files, allowed=(0, 1))
        print("%-10s %9.3f %7.3f (%.2f) %7.1f MB" % (name, floor_s, check_s, check_s / floor_s,
                                                     check_rss / 1024))
    ncpu = os.cpu_count() or 1
    if ncpu > 1:
        one = best(check + ["--jobs", "1"] + contracts, (0, 1), pinned=False)[0]
        many = best(check + ["--jobs", str(min(ncpu, 8))] + contracts, (0, 1), pinned=False)[0]
        print("check, %d contracts: --jobs 1 %.3f s, --jobs %d %.3f s (%.2fx faster)"
              % (len(contracts), one, min(ncpu, 8), many, one / many))
    print()
    total = rows[-1]
    ok_speed = total[2] / total[1] <= 1.5
    ok_rss = total[4] / 1024 < 64 and big_rss <= small_rss * 1.25 + 2048
    print("target: text within 1.5x of the floor: %s (%.2fx); peak RSS flat and under 64 MB: %s"
          % ("met" if ok_speed else "NOT met", total[2] / total[1], "met" if ok_rss else "NOT met"))


if __name__ == "__main__":
    main()
