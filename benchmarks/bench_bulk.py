"""Bulk extract: pages per second with --jobs 2 against --jobs 1 on the same files, and peak memory.

Run from the project root:

    .venv/bin/python benchmarks/bench_bulk.py [PDF or DIR ...] [--jobs 1 2] [--rounds N] [--no-memory]

Defaults to ../shared/corpus and ../shared/realworld (about 80 files, 1,000
pages, broken ones included). Each configuration runs the real command,
`evalsearch extract FILES --jobs N`, in a fresh corpus (nothing is reused), in
this one script, alternating between the configurations round by round, so
machine noise hits them alike. Two rates are printed: over the whole command
(start-up and the one-off loading of the Danish language data included) and
over the extraction as the command reports it. The target is a speed-up of at
least 1.7 with 2 jobs on 2 cores.

Then the peak memory of reading ../shared/corpus-bad/large-300-pages.pdf,
measured with /usr/bin/time -v (target: under 1 GB).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_INPUTS = [SHARED / "corpus", SHARED / "realworld"]
LARGE = SHARED / "corpus-bad" / "large-300-pages.pdf"
CLI = [sys.executable, "-m", "evalsearch"]
SUMMARY = re.compile(r"extract: \d+ of (\d+) files done, (\d+) failed, (\d+) pages in ([\d.]+)s")


def run_extract(inputs: list[str], jobs: int, workdir: Path) -> dict:
    """One cold bulk run; RETURNS (dict): files, failed, pages, seconds (whole command and extraction)."""
    corpus = workdir / f"corpus-j{jobs}"
    shutil.rmtree(corpus, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run(
        CLI + ["extract", *inputs, "--corpus", str(corpus), "--jobs", str(jobs), "-o", str(workdir / f"out-j{jobs}")],
        capture_output=True, text=True, cwd=ROOT,
    )
    wall = time.perf_counter() - started
    if "Traceback" in proc.stderr:
        raise SystemExit(f"jobs {jobs}: the run failed:\n{proc.stderr[-3000:]}")
    match = SUMMARY.search(proc.stderr)
    if match is None:
        raise SystemExit(f"jobs {jobs}: no summary line in:\n{proc.stderr[-2000:]}")
    files, failed, pages, seconds = match.groups()
    return {"files": int(files), "failed": int(failed), "pages": int(pages), "extract_s": float(seconds), "wall_s": wall}


def peak_memory(path: Path, workdir: Path) -> tuple[float, float]:
    """RETURNS (tuple[float, float]): peak resident memory (MB) and seconds of extracting one file."""
    time_bin = shutil.which("time") or "/usr/bin/time"
    corpus = workdir / "corpus-large"
    shutil.rmtree(corpus, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run(
        [time_bin, "-v", *CLI, "extract", str(path), "--corpus", str(corpus), "-o", str(workdir / "out-large"), "-s"],
        capture_output=True, text=True, cwd=ROOT,
    )
    seconds = time.perf_counter() - started
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if match is None:
        raise SystemExit(f"/usr/bin/time -v gave no peak memory:\n{proc.stderr[-2000:]}")
    return int(match.group(1)) / 1024, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", help="PDF files or folders (default: ../shared/corpus and ../shared/realworld)")
    ap.add_argument("--jobs", nargs="+", type=int, default=[1, 2], help="job counts to compare (default: 1 2)")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each job count, alternating (default: 1)")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory run on the 300-page file")
    args = ap.parse_args()
    inputs = args.inputs or [str(p) for p in DEFAULT_INPUTS]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"cores: {cores}; load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"inputs: {', '.join(inputs)}")
    results: dict[int, list[dict]] = {j: [] for j in args.jobs}
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        workdir = Path(tmp)
        for round_no in range(args.rounds):
            for jobs in args.jobs:
                r = run_extract(inputs, jobs, workdir)
                results[jobs].append(r)
                print(f"round {round_no + 1}, --jobs {jobs}: {r['files']} files ({r['failed']} failed), {r['pages']} pages; "
                      f"command {r['wall_s']:.1f}s = {r['pages'] / r['wall_s']:.1f} pages/s; "
                      f"extraction {r['extract_s']:.1f}s = {r['pages'] / r['extract_s']:.1f} pages/s", flush=True)
        base = args.jobs[0]
        for jobs in args.jobs:
            wall = statistics.median(r["wall_s"] for r in results[jobs])
            extract = statistics.median(r["extract_s"] for r in results[jobs])
            pages = results[jobs][0]["pages"]
            line = f"--jobs {jobs}: {pages / wall:.1f} pages/s (command), {pages / extract:.1f} pages/s (extraction)"
            if jobs != base:
                base_wall = statistics.median(r["wall_s"] for r in results[base])
                base_extract = statistics.median(r["extract_s"] for r in results[base])
                line += f"; speed-up over --jobs {base}: {base_wall / wall:.2f} (command), {base_extract / extract:.2f} (extraction)"
            print(line)
        if not args.no_memory:
            mb, seconds = peak_memory(LARGE, workdir)
            print(f"peak memory, {LARGE.name} (300 pages): {mb:.0f} MB (maximum resident set size), {seconds:.1f}s")


if __name__ == "__main__":
    main()
