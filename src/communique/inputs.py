"""What reading an input gives (a report with its metadata, or a failure), and
the screening of what is read before it is taken for a report: one clear
error per bad input (too big, empty, binary, not UTF-8) instead of a traceback."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

MAX_REPORT_BYTES = 1_000_000  # a wire report is a few KB; a megabyte is not a report


class BadInput(Exception):
    """An input that cannot be read as a report; the message is one line."""


@dataclass(slots=True)
class Report:
    """One report read from an input, with the metadata found beside its text."""

    id: str  # the record's doc_id: a file's name, a JSONL line's id, a page's URL
    origin: str  # where it was read: a path, a URL, path@byte-offset inside a JSONL or WARC file
    text: str  # what the evidence offsets index: a page's text, not its markup
    published: str | None = None  # ISO date from a page's metadata or a JSONL line
    source: str | None = None  # publisher from a page's metadata or a JSONL line
    url: str | None = None  # the address it was fetched from, or the page's own
    title: str | None = None  # a page's title


@dataclass(slots=True)
class Failure:
    """An input that yielded no report; `reason` is one line."""

    origin: str
    reason: str
    id: str | None = None


def read_bytes(path: Path, limit: int, what: str = "report") -> bytes:
    """A file's bytes, refused past `limit` before it is read."""
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if not path.is_file():
        raise BadInput(f"{path}: not a file")
    try:
        size = path.stat().st_size
        if size > limit:
            raise BadInput(f"{path}: {size:,} bytes is over the {limit:,}-byte limit for one {what}")
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None


def read_text_file(path: Path) -> str:
    """A plain-text report file."""
    return decode(read_bytes(path, MAX_REPORT_BYTES), str(path))


def screen(data: bytes, origin: str, limit: int = MAX_REPORT_BYTES, what: str = "report",
           kind: str = "a text report") -> None:
    """Refuse what is too big, empty or binary, before any decoding or parsing."""
    if len(data) > limit:
        raise BadInput(f"{origin}: {len(data):,} bytes is over the {limit:,}-byte limit for one {what}")
    if not data.strip():
        raise BadInput(f"{origin}: empty report")
    if b"\x00" in data:
        raise BadInput(f"{origin}: binary data, not {kind}")


def decode(data: bytes, origin: str) -> str:
    screen(data, origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{origin}: not UTF-8 text (bad byte at offset {exc.start})") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise BadInput(f"{origin}: binary data, not a text report")
    return text


def check_text(text: str, origin: str) -> str:
    """The same checks as a report file's: not empty, not binary, within the size limit."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a JSON "\\ud800" escape
        raise BadInput(f"{origin}: not valid Unicode text") from None
    return decode(data, origin)


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from a date or timestamp string; None for anything else,
    since a wrong reference date would misplace every relative date."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def one_line(exc: BaseException) -> str:
    """An exception's message on one line, for an `error:` line."""
    return " ".join(str(exc).split()) or type(exc).__name__
