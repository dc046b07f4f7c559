"""Storing reports: each report once (by content hash), each real person and
each real meeting once, every value with its report and evidence."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from sqlalchemy import insert, select
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..inputs import Failure, Report
from ..pipeline import extract
from ..reader import DEFAULT_TIMEOUT, extract_report, read_inputs
from ..record import Record
from . import meetings, people
from .db import Database
from .models import PersonRole, Report as StoredReport


_LOCK = 0x636F6D6D  # the advisory lock ingesting processes take on PostgreSQL


@dataclass
class IngestSummary:
    stored: int = 0
    already: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_paths(db: Database, paths: Sequence[str], progress: Callable[[str], None] | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> IngestSummary:
    """Store every report of the inputs (files, folders, JSONL, WARC, "-", URLs)."""
    summary = IngestSummary()
    for report in read_inputs(list(paths), timeout=timeout):
        if isinstance(report, Failure):
            summary.failed.append((report.origin, report.reason))
            continue
        _, new = ingest_report(db, report)
        summary.stored += new
        summary.already += not new
        if progress:
            progress(report.id)
    return summary


def ingest_report(db: Database, report: Report) -> tuple[int, bool]:
    """Store one report read by the reader, its page's or feed's metadata as its dateline's fallbacks."""
    return _ingest(db, report.text, report.id, lambda: extract_report(report))


def ingest_text(db: Database, text: str, name: str, published: str | None = None,
                source: str | None = None, record: Record | None = None) -> tuple[int, bool]:
    """Store one report; return its id and whether it was new. `record` is the
    report's extraction when the caller has made it already (`communique batch`)."""
    return _ingest(db, text, name, lambda: record or extract(text, published=published, source=source, doc_id=name))


def _ingest(db: Database, text: str, name: str, make_record: Callable[[], Record]) -> tuple[int, bool]:
    digest = content_hash(text)
    with db.session() as session:
        known = session.scalar(select(StoredReport.id).where(StoredReport.content_hash == digest))
        if known is not None:
            return known, False
        session.rollback()
        record = make_record()
        try:
            with session.begin():
                conn = session.connection()
                # on SQLite this first write takes the database's one write lock
                report_id = conn.execute(insert(StoredReport).values(
                    content_hash=digest, name=name, source=record.source, published=record.published,
                    dateline_place=record.dateline_place, text=text, record=record.model_dump(mode="json"))
                    .returning(StoredReport.id)).scalar_one()
                if conn.dialect.name == "postgresql":
                    # ingesting processes match people and meetings one at a time, each seeing the others'
                    conn.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
                    # no wait for the disk at each report's commit: a server crash may lose the last
                    # moment's reports whole (never part of one), and ingesting them again restores them
                    conn.execute(sql("SET LOCAL synchronous_commit TO OFF"))
                _store(session, report_id, record)
        except IntegrityError:
            with db.session() as again:  # another process stored the same report first
                known = again.scalar(select(StoredReport.id).where(StoredReport.content_hash == digest))
            if known is None:
                raise
            return known, False
        return report_id, True


def _store(session: Session, report_id: int, record: Record) -> None:
    """Everything one report tells, in the session's one transaction: its people
    (each joined to the stored person they are, or new), their roles, its
    meetings (each joined to the stored meeting it is, or new)."""
    persons = people.resolve(session, record)
    rows = people.role_rows(record, persons, report_id)
    if rows:
        session.connection().execute(insert(PersonRole), rows)  # one statement for all, not one object each
    told: set[int] = set()  # meetings this report has told: two it tells apart stay apart
    for m in record.meetings:
        told.add(meetings.store(session, report_id, m, persons, told))
