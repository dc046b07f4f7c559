"""Reports per second extracted on one core.

    python bench/extract_speed.py [DIR ...] [--runs 5] [--min-reports 500]

Reads every .txt of the folders (default: ../shared/seed and
../shared/eval/dev beside the project), repeats the list until a run holds
at least --min-reports reports, and prints each run's rate and the median.
The process is pinned to one core; the first report is extracted before
timing so data loading is not counted.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import communique

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "seed", ROOT.parent / "shared" / "eval" / "dev"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--min-reports", type=int, default=500)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = [p.read_text(encoding="utf-8") for d in args.dirs for p in sorted(d.glob("*.txt"))]
    if not texts:
        raise SystemExit("no .txt reports found in " + ", ".join(map(str, args.dirs)))
    corpus = texts * max(1, -(-args.min_reports // len(texts)))
    communique.extract(texts[0])  # load the data files before timing
    rates = []
    for run in range(1, args.runs + 1):
        start = time.perf_counter()
        for text in corpus:
            communique.extract(text)
        elapsed = time.perf_counter() - start
        rates.append(len(corpus) / elapsed)
        print(f"run {run}: {len(corpus)} reports in {elapsed:.2f} s = {rates[-1]:.0f} reports/s")
    kb = sum(len(t) for t in texts) / len(texts) / 1000
    print(f"median: {statistics.median(rates):.0f} reports/s on one core "
          f"({len(texts)} distinct reports, {kb:.1f} KB each on average)")


if __name__ == "__main__":
    main()
