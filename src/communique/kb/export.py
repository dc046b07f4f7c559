"""Exporting the knowledge base as tables: meetings, each source's account of
them, participants, adopted, people, their roles, and reports, in JSON Lines,
CSV or Parquet. Lists and evidence are JSON strings in every format, so the
three hold the same columns."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import select

from .db import Database
from .models import Adopted, Meeting, MeetingSource, Participant, Person, PersonName, PersonRole, Report

FORMATS = ("jsonl", "csv", "parquet")


def tables(db: Database) -> dict[str, list[dict]]:
    with db.session() as s:
        sources: dict[int, list[int]] = {}
        for meeting_id, report_id in s.execute(select(MeetingSource.meeting_id, MeetingSource.report_id)):
            sources.setdefault(meeting_id, []).append(report_id)
        person_names: dict[int, list[str]] = {}
        for person_id, name in s.execute(select(PersonName.person_id, PersonName.name)):
            person_names.setdefault(person_id, []).append(name)
        return {
            "meetings": [{"id": m.id, "kind": m.kind, "org": m.org, "body": m.body, "date": m.date,
                          "location": m.location, "location_country": m.location_country, "chair_id": m.chair_id,
                          "reasons": json.dumps(m.reasons), "report_ids": json.dumps(sources.get(m.id, []))}
                         for m in s.scalars(select(Meeting).order_by(Meeting.id))],
            "meeting_sources": [{"meeting_id": ms.meeting_id, "report_id": ms.report_id, "kind": ms.kind,
                                 "org": ms.org, "body": ms.body, "date": ms.date, "location": ms.location,
                                 "location_country": ms.location_country, "chair_id": ms.chair_id,
                                 "values": json.dumps(ms.values, ensure_ascii=False)}
                                for ms in s.scalars(select(MeetingSource).order_by(MeetingSource.id))],
            "participants": [{"meeting_id": p.meeting_id, "person_id": p.person_id, "report_id": p.report_id,
                              "role": p.role, "country": p.country, "org": p.org, "evidence": json.dumps(p.evidence)}
                             for p in s.scalars(select(Participant).order_by(Participant.id))],
            "adopted": [{"meeting_id": a.meeting_id, "report_id": a.report_id, "kind": a.kind, "subject": a.subject,
                         "evidence": json.dumps(a.evidence)} for a in s.scalars(select(Adopted).order_by(Adopted.id))],
            "people": [{"id": p.id, "name": p.name, "names": json.dumps(sorted(person_names.get(p.id, [])))}
                       for p in s.scalars(select(Person).order_by(Person.id))],
            "roles": [{"person_id": r.person_id, "report_id": r.report_id, "role": r.role, "country": r.country,
                       "org": r.org, "seen": r.seen, "evidence": json.dumps(r.evidence)} for r in s.scalars(select(PersonRole).order_by(PersonRole.id))],
            "reports": [{"id": r.id, "name": r.name, "content_hash": r.content_hash, "source": r.source,
                         "published": r.published, "dateline_place": r.dateline_place}
                        for r in s.scalars(select(Report).order_by(Report.id))],
        }


def export(db: Database, fmt: str, out: Path) -> dict[str, Path]:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in tables(db).items():
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        elif fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as fh:
                if rows:
                    writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
                    writer.writeheader()
                    writer.writerows(rows)
        else:
            pq.write_table(pa.Table.from_pylist(rows), path)
        written[name] = path
    return written
