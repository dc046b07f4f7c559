"""One chunk's work, run on a Dask worker: read its inputs, extract each
report, store it in the knowledge base when asked, write its Parquet parts.

A task is idempotent, so that Dask may run it again when its worker dies:
its parts have fixed names and are replaced whole, the knowledge base stores a
report once by its content hash, and a chunk already marked done is skipped.
"""
from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from ..kb.db import Database, open_db
from ..kb.ingest import ingest_text
from ..pipeline import extract
from ..reader import extract_report
from .output import ChunkRows, ChunkSummary, is_done, read_marker, write_chunk
from .sources import Chunk, Failure, Report, read_chunk

FIRST_ERRORS = 5  # reasons a chunk sends back for the command to show; all of them are in DIR/errors

# An invented report that takes every lazily loaded table through the pipeline once.
WARM_UP_TEXT = ("VALDORA, March 3 (Test Agency) - The foreign ministers of Kazakhstan and Uzbekistan "
                "held talks in Astana on Monday and signed a memorandum on transport.\n")


def warm_up() -> None:
    """Load the gazetteer and the pipeline's patterns, so that no timed task pays for them."""
    extract(WARM_UP_TEXT)


def run_chunk(chunk: Chunk, out: str, ingest_url: str | None = None) -> ChunkSummary:
    out_dir = Path(out)
    if is_done(out_dir, chunk.id):  # a task run again after its first run finished
        return read_marker(out_dir, chunk.id)
    started = time.perf_counter()
    database = _database(ingest_url) if ingest_url else None
    rows = ChunkRows(chunk.id)
    first_errors: list[str] = []
    for item in read_chunk(chunk):
        failure = item if isinstance(item, Failure) else _add_report(item, rows, database)
        if failure is not None:
            rows.add_error(failure)
            if len(first_errors) < FIRST_ERRORS:
                first_errors.append(failure.reason)
    summary = ChunkSummary(chunk.id, reports=rows.count("reports"), meetings=rows.count("meetings"),
                           errors=rows.count("errors"), first_errors=first_errors)
    summary.seconds = round(time.perf_counter() - started, 3)
    write_chunk(out_dir, chunk, rows, summary)
    return summary


def _add_report(report: Report, rows: ChunkRows, database: Database | None) -> Failure | None:
    """Extract the report into the rows (and store it, before its chunk is
    marked done), or say why its extraction failed."""
    try:
        record = extract_report(report)
        record_json = record.model_dump_json()
    except Exception as exc:  # noqa: BLE001  one report's failure must not lose the others of its chunk
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        return Failure(report.origin, f"{report.origin}: extraction failed ({reason})", report.id)
    if database is not None:
        ingest_text(database, report.text, report.id, record=record)
    rows.add_report(report, record, record_json)
    return None


@cache
def _database(url: str) -> Database:
    return open_db(url)  # one engine per worker process, kept across its tasks
