"""Reading reports from files, folders and standard input, with one clear
error per bad input instead of a traceback."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

MAX_REPORT_BYTES = 1_000_000  # a wire report is a few KB; a megabyte is not a report


class BadInput(Exception):
    """An input that cannot be read as a report; the message is one line."""


@dataclass(slots=True)
class Report:
    name: str  # NAME of NAME.txt, or "stdin"
    origin: str  # the path as given, for messages
    text: str


def iter_paths(paths: list[str]) -> Iterator[str | Path]:
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
        else:
            yield path


def read_report(item: str | Path) -> Report:
    if item == "-":
        data = sys.stdin.buffer.read()
        return Report("stdin", "standard input", decode(data, "standard input"))
    path = Path(item)
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if not path.is_file():
        raise BadInput(f"{path}: not a file")
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise BadInput(f"{path}: {size:,} bytes is over the {MAX_REPORT_BYTES:,}-byte limit for one report")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    return Report(path.stem, str(path), decode(data, str(path)))


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
