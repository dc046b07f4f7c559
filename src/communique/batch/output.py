"""The output of a batch: one Parquet dataset per table under DIR, one part
file per chunk in each, and a done-marker per chunk.

    DIR/reports/part-CHUNK.parquet     one row per report extracted
    DIR/meetings/part-CHUNK.parquet    one row per meeting
    DIR/participants/part-CHUNK.parquet
    DIR/adopted/part-CHUNK.parquet
    DIR/events/part-CHUNK.parquet      one row per PLOVER event record (events.plover)
    DIR/errors/part-CHUNK.parquet      one row per input that yielded no report
    DIR/_chunks/CHUNK.json             written last: the chunk is done

Every file is written under a temporary name starting with "." and renamed
into place, so a reader (pyarrow.dataset skips names starting with "." or "_")
never sees half a file, and a chunk whose worker died leaves no row behind
that its second run would duplicate: a chunk's parts have fixed names.
"""
from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..events.plover import Citation, meeting_events
from ..record import Record
from .sources import Chunk, Failure, Report

MARKERS = "_chunks"

SCHEMAS: dict[str, pa.Schema] = {
    "reports": pa.schema([
        ("id", pa.string()), ("origin", pa.string()), ("url", pa.string()), ("chunk", pa.string()),
        ("published", pa.string()), ("source", pa.string()), ("dateline_place", pa.string()),
        ("meetings", pa.int32()), ("participants", pa.int32()), ("adopted", pa.int32()), ("people", pa.int32()),
        ("text", pa.string()), ("record", pa.string()),
    ]),
    "meetings": pa.schema([
        ("report_id", pa.string()), ("meeting", pa.int32()), ("kind", pa.string()), ("org", pa.string()),
        ("org_full_name", pa.string()), ("body", pa.string()), ("date", pa.string()), ("location", pa.string()),
        ("location_country", pa.string()), ("chair", pa.string()), ("formats", pa.list_(pa.string())),
        ("participants", pa.int32()), ("adopted", pa.int32()),
    ]),
    "participants": pa.schema([
        ("report_id", pa.string()), ("meeting", pa.int32()), ("person", pa.string()), ("name", pa.string()),
        ("role", pa.string()), ("country", pa.string()), ("org", pa.string()),
    ]),
    "adopted": pa.schema([
        ("report_id", pa.string()), ("meeting", pa.int32()), ("kind", pa.string()), ("subject", pa.string()),
    ]),
    "events": pa.schema([
        ("id", pa.string()), ("report_id", pa.string()), ("meeting", pa.int32()), ("date", pa.string()),
        ("enddate", pa.string()), ("event", pa.list_(pa.string())), ("mode", pa.string()), ("cameo", pa.string()),
        ("quad_code", pa.int8()), ("source", pa.list_(pa.string())), ("recipient", pa.list_(pa.string())),
        ("location", pa.string()), ("location_cc3", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("link", pa.string()), ("plover", pa.string()),
    ]),
    "errors": pa.schema([
        ("origin", pa.string()), ("id", pa.string()), ("chunk", pa.string()), ("reason", pa.string()),
    ]),
}
TABLES = tuple(SCHEMAS)


@dataclass
class ChunkSummary:
    """What a chunk's task returns to the driver: counts, never rows."""

    chunk: str
    reports: int = 0
    meetings: int = 0
    errors: int = 0
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)  # a few reasons, for the command's closing lines
    already_done: bool = False


class ChunkRows:
    """The rows of one chunk's tables, column by column."""

    def __init__(self, chunk_id: str) -> None:
        self.chunk_id = chunk_id
        self.columns = {name: {col: [] for col in schema.names} for name, schema in SCHEMAS.items()}

    def add_report(self, report: Report, record: Record, record_json: str) -> None:
        participants = sum(len(m.participants) for m in record.meetings)
        adopted = sum(len(m.adopted) for m in record.meetings)
        citation = Citation(name=report.id, publication=record.source, url=report.url)
        self._append("reports", id=report.id, origin=report.origin, url=report.url, chunk=self.chunk_id,
                     published=record.published, source=record.source, dateline_place=record.dateline_place,
                     meetings=len(record.meetings), participants=participants, adopted=adopted,
                     people=len(record.people), text=report.text, record=record_json)
        for index, m in enumerate(record.meetings):
            self._append("meetings", report_id=report.id, meeting=index, kind=m.kind,
                         org=m.org.name if m.org else None, org_full_name=m.org.full_name if m.org else None,
                         body=m.body.name if m.body else None, date=m.date,
                         location=m.location.name if m.location else None,
                         location_country=m.location.country if m.location else None, chair=m.chair,
                         formats=list(m.formats), participants=len(m.participants), adopted=len(m.adopted))
            for p in m.participants:
                self._append("participants", report_id=report.id, meeting=index, person=p.person, name=p.name,
                             role=p.role, country=p.country, org=p.org)
            for a in m.adopted:
                self._append("adopted", report_id=report.id, meeting=index, kind=a.kind, subject=a.subject)
            for e in meeting_events(m, f"{report.id}-m{index}", citation):
                self._append("events", id=e.id, report_id=report.id, meeting=index, date=e.date, enddate=e.enddate,
                             event=e.event, mode=e.mode, cameo=e.cameo, quad_code=e.quad_code,
                             source=[a.code for a in e.source], recipient=[a.code for a in e.recipient],
                             location=e.event_loc.name if e.event_loc else None,
                             location_cc3=e.event_loc.cc3 if e.event_loc else None,
                             start=e.text_info.start if e.text_info else None,
                             end=e.text_info.end if e.text_info else None, link=e.link,
                             plover=json.dumps(e.as_json(), ensure_ascii=False))

    def add_error(self, failure: Failure) -> None:
        self._append("errors", origin=failure.origin, id=failure.id, chunk=self.chunk_id, reason=failure.reason)

    def count(self, table: str) -> int:
        return len(self.columns[table][SCHEMAS[table].names[0]])

    def table(self, name: str) -> pa.Table:
        return pa.Table.from_pydict(self.columns[name], schema=SCHEMAS[name])

    def _append(self, table: str, **values: object) -> None:
        for column, value in values.items():
            self.columns[table][column].append(value)


def write_chunk(out: Path, chunk: Chunk, rows: ChunkRows, summary: ChunkSummary) -> None:
    """Every table's part (empty ones too: each dataset then exists with its
    schema), then the marker that says the chunk is done."""
    for name in TABLES:
        _replace(out / name / f"part-{chunk.id}.parquet", lambda tmp, n=name: pq.write_table(rows.table(n), tmp))
    marker = {**asdict(summary), "inputs": chunk.inputs, "start": chunk.start, "end": chunk.end}
    _replace(out / MARKERS / f"{chunk.id}.json",
             lambda tmp: tmp.write_text(json.dumps(marker, ensure_ascii=False), encoding="utf-8"))


def _replace(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def done_chunks(out: Path) -> dict[str, dict]:
    """The markers of the chunks finished by earlier runs, by chunk id."""
    done = {}
    for marker in sorted((out / MARKERS).glob("*.json")):
        try:
            done[marker.stem] = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # an unreadable marker: its chunk is done again
    return done


def is_done(out: Path, chunk_id: str) -> bool:
    return (out / MARKERS / f"{chunk_id}.json").is_file()


def read_marker(out: Path, chunk_id: str) -> ChunkSummary:
    data = json.loads((out / MARKERS / f"{chunk_id}.json").read_text(encoding="utf-8"))
    fields = {k: data[k] for k in ("chunk", "reports", "meetings", "errors", "seconds", "first_errors")}
    return ChunkSummary(**fields, already_done=True)


def remove_chunk(out: Path, chunk_id: str) -> None:
    """A chunk's parts, then its marker: stopped halfway, the marker still
    says there is something to remove."""
    for name in TABLES:
        (out / name / f"part-{chunk_id}.parquet").unlink(missing_ok=True)
    (out / MARKERS / f"{chunk_id}.json").unlink(missing_ok=True)


def remove_temporaries(out: Path) -> None:
    """What workers killed while writing left behind (no run may be writing to DIR now)."""
    for name in (*TABLES, MARKERS):
        for tmp in (out / name).glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
