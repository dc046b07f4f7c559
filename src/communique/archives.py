"""Reports inside archive files: the lines of a JSONL feed and the records of
a WARC crawl, each read with its metadata (a line's date and publisher, a
record's URL) or as one Failure when it holds no report."""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from .inputs import MAX_REPORT_BYTES, BadInput, Failure, Report, check_text, decode, iso_date, one_line
from .webpage import MAX_HTML_BYTES, read_page

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Fields:
    """The keys of a JSONL line that hold a report's text and its metadata."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    source: str = "source"


def read_jsonl(path: Path | str, fields: Fields = Fields(), start: int = 0,
               end: int | None = None) -> Iterator[Report | Failure]:
    """The reports of the lines that start in [start, end) of a JSONL file."""
    path = Path(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"{path}: cannot be read ({exc.strerror})")
        return
    with fh:
        offset = start
        if offset > 0:
            fh.seek(offset - 1)
            if fh.read(1) != b"\n":
                fh.readline()  # the line under way at `start` belongs to the range before
                offset = fh.tell()
        stop = end if end is not None else float("inf")
        while offset < stop:
            line = fh.readline()
            if not line:
                break
            if line.strip():
                yield _jsonl_report(line, path, offset, fields)
            offset += len(line)


def _jsonl_report(line: bytes, path: Path, offset: int, fields: Fields) -> Report | Failure:
    origin = f"{path}@{offset}"
    try:
        item = json.loads(line)
    except UnicodeDecodeError as exc:
        return Failure(origin, f"{origin}: not UTF-8 text (bad byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        return Failure(origin, f"{origin}: not a JSON line ({exc.msg} at column {exc.colno})")
    if not isinstance(item, dict):
        return Failure(origin, f"{origin}: not a JSON object")
    raw_id = item.get(fields.id)
    report_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else f"{path.stem}@{offset}"
    text = item.get(fields.text)
    if not isinstance(text, str):
        return Failure(origin, f"{origin}: no text in a {fields.text!r} field", report_id)
    try:
        checked = check_text(text, origin)
    except BadInput as exc:
        return Failure(origin, str(exc), report_id)
    publisher = item.get(fields.source)
    return Report(report_id, origin, checked, published=iso_date(item.get(fields.date)),
                  source=(publisher.strip() or None) if isinstance(publisher, str) else None)


def read_warc(path: Path | str) -> Iterator[Report | Failure]:
    """The reports of a WARC file's HTML responses and text records, in order;
    a damaged file gives its records before the damage, then one Failure."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    next_offset = 0  # where the record after the last one read starts: a failure is there
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if not record.format.startswith("warc"):  # warcio reads ARC too, and takes some text for it
                    raise ValueError(f"an {record.format.upper()} record, not WARC")
                payload = _warc_payload(record)
                # offsets are known once the record is read (warcio reads to its end to tell them)
                offset = records.get_record_offset()
                next_offset = offset + records.get_record_length()
                if payload is not None:
                    yield _warc_report(payload, f"{path}@{offset}")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        origin = f"{path}@{next_offset}"
        yield Failure(origin, f"{origin}: not a readable WARC record ({one_line(exc)})")


@dataclass(slots=True)
class _WarcPayload:
    kind: Literal["html", "text"]
    body: bytes
    record_id: str
    url: str | None
    truncated: bool


def _warc_payload(record) -> _WarcPayload | None:
    """The page of an HTML response, or the text of a conversion or resource
    record; None for every other record (requests, images, metadata)."""
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    if record.rec_type == "response":
        if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
        kind = "html" if "html" in content_type.lower() else None
    elif record.rec_type in ("conversion", "resource"):
        content_type = (headers.get_header("Content-Type") or "").lower()
        kind = "html" if "html" in content_type else "text" if content_type.startswith("text/plain") else None
    else:
        return None
    if kind is None:
        return None
    limit = MAX_HTML_BYTES if kind == "html" else MAX_REPORT_BYTES
    body = record.content_stream().read(limit + 1)
    # warcio hands out what a cut-off file still holds; its stream tells what the record's length promised
    truncated = len(body) <= limit and getattr(record.raw_stream, "limit", 0) > 0
    return _WarcPayload(kind, body, record_id, url, truncated)


def _warc_report(payload: _WarcPayload, origin: str) -> Report | Failure:
    report_id = payload.url or payload.record_id or origin
    if payload.truncated:
        return Failure(origin, f"{origin}: WARC record cut short (the file ends inside it)", report_id)
    try:
        if payload.kind == "html":
            page = read_page(payload.body, origin, payload.url)
            return Report(report_id, origin, page.text, published=page.published, source=page.source,
                          url=payload.url or page.url, title=page.title)
        return Report(report_id, origin, decode(payload.body, origin), url=payload.url)
    except BadInput as exc:
        return Failure(origin, str(exc), report_id)
