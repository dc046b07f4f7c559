"""Reports per second extracted on one core, and its cost against one regex pass.

    python bench/extract_speed.py [DIR ...] [--runs 5] [--min-reports 500]

Reads every .txt of the folders (default: ../shared/seed and
../shared/eval/dev beside the project), repeats the list until a run holds
at least --min-reports reports, and prints each run's rate and the median.
The process is pinned to one core; the first report is extracted before
timing so data loading is not counted.

The floor: in each run, beside the extraction and over the same texts, one
compiled regular expression reads every word (`\\w+`) of each text. The
ratio printed is the extraction's time over that pass's time (the issue asks
at most 30). Rates are of wall-clock time; CPU time (this process only) is
printed beside them, since the machine may be shared.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from pathlib import Path

import communique

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "seed", ROOT.parent / "shared" / "eval" / "dev"]
WORD = re.compile(r"\w+")


def _timed(work, corpus: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of `work` over every text of the corpus."""
    wall, cpu = time.perf_counter(), time.process_time()
    for text in corpus:
        work(text)
    return time.perf_counter() - wall, time.process_time() - cpu


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
    rates, cpu_rates, floors, ratios, cpu_ratios = [], [], [], [], []
    for run in range(1, args.runs + 1):
        wall, cpu = _timed(communique.extract, corpus)
        floor_wall, floor_cpu = _timed(WORD.findall, corpus)
        rates.append(len(corpus) / wall)
        cpu_rates.append(len(corpus) / cpu)
        floors.append(len(corpus) / floor_wall)
        ratios.append(wall / floor_wall)
        cpu_ratios.append(cpu / floor_cpu if floor_cpu else float("inf"))
        print(f"run {run}: {len(corpus)} reports in {wall:.2f} s = {rates[-1]:.0f} reports/s "
              f"(CPU {cpu:.2f} s = {cpu_rates[-1]:.0f}/s); regex pass {floor_wall * 1000:.1f} ms "
              f"= {floors[-1]:.0f}/s; ratio {ratios[-1]:.1f}")
    kb = sum(len(t) for t in texts) / len(texts) / 1000
    print(f"median: {statistics.median(rates):.0f} reports/s on one core "
          f"({len(texts)} distinct reports, {kb:.1f} KB each on average); "
          f"CPU time {statistics.median(cpu_rates):.0f} reports/s")
    print(f"regex pass (\\w+, one compiled pattern): {statistics.median(floors):.0f} reports/s; "
          f"ratio extract/regex pass: {statistics.median(ratios):.1f} "
          f"(CPU time {statistics.median(cpu_ratios):.1f})")


if __name__ == "__main__":
    main()
