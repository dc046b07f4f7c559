"""The inputs of a batch: finding them and cutting them into chunks on the
driver, reading one chunk's reports on a worker.

A chunk is the unit of work and of resumption. Its id is a hash of what it
reads (absolute paths, sizes, modification times, the byte range, the JSONL
field names), so the same command over the same inputs plans the same chunks,
and a changed input plans new ones.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zlib
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Iterator, Literal, Sequence

from ..inputs import MAX_REPORT_BYTES, BadInput, decode, read_report, screen

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_HTML_BYTES = 5_000_000  # a page's markup is often several times its text
MIN_ARTICLE_WORDS = 5  # fewer words than a dateline holds is debris of broken markup, not an article
_WORD = re.compile(r"[^\W\d_]{2,}")
DEFAULT_CHUNK_SIZE = 500  # reports per task: big enough that scheduling costs nothing, small enough to resume

ChunkKind = Literal["files", "jsonl", "warc"]


@dataclass(frozen=True, slots=True)
class Fields:
    """The keys of a JSONL line that hold a report's text and its metadata."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    source: str = "source"


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str  # absolute, so that workers on other machines read the same file through a shared filesystem
    name: str  # the report id of a text or HTML file: its path under the folder given, without suffix


@dataclass(frozen=True, slots=True)
class Chunk:
    id: str
    kind: ChunkKind
    files: tuple[InputFile, ...]  # the reports of a "files" chunk; the one file of a JSONL or WARC chunk
    start: int = 0  # a JSONL chunk holds the lines that start in [start, end)
    end: int | None = None
    fields: Fields = Fields()

    @property
    def inputs(self) -> list[str]:
        return [f.path for f in self.files]


@dataclass(slots=True)
class Report:
    """One report read from an input, with the metadata found beside its text."""

    id: str
    origin: str  # where it was read: a path, or path@byte-offset inside a JSONL or WARC file
    text: str
    published: str | None = None  # ISO date from an HTML page or a JSONL line
    source: str | None = None  # publisher from an HTML page or a JSONL line
    url: str | None = None


@dataclass(slots=True)
class Failure:
    """An input that yielded no report; `reason` is one line."""

    origin: str
    reason: str
    id: str | None = None


@dataclass(slots=True)
class _Plan:
    files: dict[str, InputFile] = field(default_factory=dict)  # by absolute path: a file given twice is read once
    chunks: list[Chunk] = field(default_factory=list)


def plan_chunks(paths: Sequence[str], fields: Fields, chunk_size: int) -> list[Chunk]:
    """Chunks of about `chunk_size` reports: text and HTML files in groups,
    JSONL files in byte ranges, each WARC file whole. A missing path raises
    BadInput before any work starts."""
    plan = _Plan()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise BadInput(f"{raw}: no such file or folder")
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if _is_report_file(p)):
                plan.files.setdefault(str(found.resolve()), InputFile(str(found.resolve()), _report_name(found, path)))
        elif _has_suffix(path, JSONL_SUFFIXES):
            plan.chunks.extend(_jsonl_chunks(path.resolve(), fields, chunk_size))
        elif _has_suffix(path, WARC_SUFFIXES):
            warc = InputFile(str(path.resolve()), path.name)
            plan.chunks.append(Chunk(_chunk_id("warc", [warc]), "warc", (warc,)))
        else:  # any other file named on its own is a text report, as for `communique extract`
            plan.files.setdefault(str(path.resolve()), InputFile(str(path.resolve()), path.stem))
    files = list(plan.files.values())
    for i in range(0, len(files), chunk_size):
        group = tuple(files[i:i + chunk_size])
        plan.chunks.append(Chunk(_chunk_id("files", group), "files", group))
    return plan.chunks


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def _is_report_file(path: Path) -> bool:
    return _has_suffix(path, TEXT_SUFFIXES + HTML_SUFFIXES) and path.is_file()


def _report_name(path: Path, folder: Path) -> str:
    # two folders of one corpus may each hold a "report.txt": the id keeps the sub-folder
    return path.relative_to(folder).with_suffix("").as_posix()


def _chunk_id(kind: ChunkKind, files: Sequence[InputFile], start: int = 0, end: int | None = None,
              fields: Fields | None = None) -> str:
    stated = []
    for f in files:
        st = Path(f.path).stat()
        stated.append([f.path, f.name, st.st_size, st.st_mtime_ns])
    key = json.dumps([kind, stated, start, end, astuple(fields) if fields else None], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _jsonl_chunks(path: Path, fields: Fields, chunk_size: int) -> list[Chunk]:
    size = path.stat().st_size
    step = max(1, chunk_size * _mean_line_bytes(path))
    source = InputFile(str(path), path.stem)
    return [Chunk(_chunk_id("jsonl", [source], start, min(start + step, size), fields), "jsonl", (source,),
                  start, min(start + step, size), fields)
            for start in range(0, size, step)]


def _mean_line_bytes(path: Path, sample: int = 1 << 20) -> int:
    with path.open("rb") as fh:
        head = fh.read(sample)
    return max(1, len(head) // max(1, head.count(b"\n")))


# ---------------------------------------------------------------- reading on a worker


def read_chunk(chunk: Chunk) -> Iterator[Report | Failure]:
    """Every report of the chunk, or a Failure for each input that holds none."""
    if chunk.kind == "files":
        for source in chunk.files:
            yield _read_file(source)
    elif chunk.kind == "jsonl":
        yield from _read_jsonl(chunk)
    else:
        yield from _read_warc(chunk.files[0])


def _read_file(source: InputFile) -> Report | Failure:
    path = Path(source.path)
    try:
        if _has_suffix(path, HTML_SUFFIXES):
            return html_report(_read_bytes(path, MAX_HTML_BYTES), str(path), source.name)
        return Report(source.name, str(path), read_report(path).text)
    except BadInput as exc:
        return Failure(str(path), str(exc), source.name)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise BadInput(f"{path}: {size:,} bytes is over the {limit:,}-byte limit for one page")
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None


def _read_jsonl(chunk: Chunk) -> Iterator[Report | Failure]:
    path = chunk.files[0].path
    with open(path, "rb") as fh:
        offset = chunk.start
        if offset > 0:
            fh.seek(offset - 1)
            if fh.read(1) != b"\n":
                fh.readline()  # the line under way at `start` belongs to the chunk before
                offset = fh.tell()
        end = chunk.end if chunk.end is not None else float("inf")
        while offset < end:
            line = fh.readline()
            if not line:
                break
            if line.strip():
                yield _jsonl_report(line, chunk.files[0], offset, chunk.fields)
            offset += len(line)


def _jsonl_report(line: bytes, source: InputFile, offset: int, fields: Fields) -> Report | Failure:
    origin = f"{source.path}@{offset}"
    try:
        item = json.loads(line)
    except UnicodeDecodeError as exc:
        return Failure(origin, f"{origin}: not UTF-8 text (bad byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        return Failure(origin, f"{origin}: not a JSON line ({exc.msg} at column {exc.colno})")
    if not isinstance(item, dict):
        return Failure(origin, f"{origin}: not a JSON object")
    raw_id = item.get(fields.id)
    report_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else f"{source.name}@{offset}"
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


def _read_warc(source: InputFile) -> Iterator[Report | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    next_offset = 0  # where the record after the last one read starts: a failure is there
    try:
        with open(source.path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if not record.format.startswith("warc"):  # warcio reads ARC too, and takes some text for it
                    raise ValueError(f"an {record.format.upper()} record, not WARC")
                payload = _warc_payload(record)
                # offsets are known once the record is read (warcio reads to its end to tell them)
                offset = records.get_record_offset()
                next_offset = offset + records.get_record_length()
                if payload is not None:
                    yield _warc_report(payload, f"{source.path}@{offset}")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        origin = f"{source.path}@{next_offset}"
        yield Failure(origin, f"{origin}: not a readable WARC record ({_one_line(exc)})")


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
            return html_report(payload.body, origin, report_id, payload.url)
        return Report(report_id, origin, decode(payload.body, origin), url=payload.url)
    except BadInput as exc:
        return Failure(origin, str(exc), report_id)


def html_report(data: bytes, origin: str, report_id: str, url: str | None = None) -> Report:
    """The article text of a page (trafilatura), with its publication date and site name."""
    import trafilatura

    screen(data, origin, MAX_HTML_BYTES, "page", "an HTML page")
    try:
        page = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    except Exception as exc:  # noqa: BLE001  lxml and trafilatura raise many kinds on broken markup
        raise BadInput(f"{origin}: HTML that cannot be parsed ({_one_line(exc)})") from None
    if page is None or len(_WORD.findall(page.text or "")) < MIN_ARTICLE_WORDS:
        raise BadInput(f"{origin}: no article text found in the HTML")
    return Report(report_id, origin, check_text(page.text, origin), published=iso_date(page.date),
                  source=page.sitename or None, url=url)


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


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
