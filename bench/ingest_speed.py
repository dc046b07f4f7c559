"""Reports per second ingested into the knowledge base, on SQLite and (when
COMMUNIQUE_TEST_PG names a database server) PostgreSQL.

    python bench/ingest_speed.py [--reports 300] [--runs 3]

Each run ingests distinct reports (the project's corpus, each copy made
unique by a line of its own, so later copies join the people and meetings
of earlier ones, as reports of the same events from several agencies do)
into a fresh database; the figure includes extraction, as `communique
ingest` does. A process's first reports also load the gazetteer (once):
that warm-up is timed apart."""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from communique.kb import ingest_text, open_db
from communique.kb.db import create_database

ROOT = Path(__file__).resolve().parent.parent


def corpus(count: int) -> list[tuple[str, str]]:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return [(f"{name}-{i}", body + f"\n(copy {i})\n") for i in range(count // len(texts) + 1)
            for name, body in texts][:count]


def run(url: str, reports: list[tuple[str, str]]) -> float:
    db = open_db(url)
    start = time.perf_counter()
    for name, body in reports:
        ingest_text(db, body, name)
    return len(reports) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    reports = corpus(args.reports)
    start = time.perf_counter()
    run(f"sqlite:///{tempfile.mkdtemp()}/warm.db", [(f"warm-{n}", body + "\n(warm-up)\n") for n, body in corpus(66)])
    print(f"warm-up (gazetteer, name symbols, 66 reports): {time.perf_counter() - start:.1f} s")
    targets = {"sqlite": lambda: f"sqlite:///{tempfile.mkdtemp()}/kb.db"}
    if os.environ.get("COMMUNIQUE_TEST_PG"):
        targets["postgresql"] = lambda: create_database(os.environ["COMMUNIQUE_TEST_PG"], prefix="bench")
    for label, make_url in targets.items():
        rates = [run(make_url(), reports) for _ in range(args.runs)]
        print(f"{label}: " + ", ".join(f"{r:.0f}" for r in rates) +
              f" reports/s; median {statistics.median(rates):.0f} over {len(reports)} reports, one core")


if __name__ == "__main__":
    main()
