"""One reader behind every door: `extract`, `ingest`, `batch`, the web page that
extracts a pasted report and POST /api/extract all turn their input into a
Report (text plus date, publisher, URL and title) here, and a Report into its
record with `extract_report`.

Inputs: .txt files, HTML pages (.html/.htm, or any file or text that starts
with markup), JSONL lines, WARC records, standard input ("-"), and http(s)
URLs, which are fetched. HTML becomes the text a reader would copy (see
webpage.py), so the same report gives the same record whichever way it comes.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Sequence

from . import gazetteer
from .archives import JSONL_SUFFIXES, WARC_SUFFIXES, Fields, read_jsonl, read_warc
from .dateline import find_dateline
from .fetch import DEFAULT_TIMEOUT, fetch, is_url
from .inputs import MAX_REPORT_BYTES, BadInput, Failure, Report, decode, read_bytes
from .pipeline import extract
from .record import Record
from .webpage import MAX_HTML_BYTES, looks_like_html, read_page

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
REPORT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

__all__ = ["Fields", "Failure", "Report", "read_inputs", "read_file", "read_text", "read_url", "extract_report",
           "report_files", "has_suffix", "TEXT_SUFFIXES", "HTML_SUFFIXES", "JSONL_SUFFIXES", "WARC_SUFFIXES",
           "DEFAULT_TIMEOUT"]


def read_inputs(items: Sequence[str], fields: Fields = Fields(),
                timeout: float = DEFAULT_TIMEOUT) -> Iterator[Report | Failure]:
    """Every report of the inputs as the command line names them: files,
    folders (their .txt and .html files), JSONL and WARC files, "-", URLs."""
    for item in items:
        if item == "-":
            yield _guarded(_read_stdin, "standard input", "stdin")
        elif is_url(item):
            yield _guarded(lambda: read_url(item, timeout), item, item)
        else:
            path = Path(item)
            if path.is_dir():
                for found in report_files(path):
                    yield read_file(found, found.stem)
            elif has_suffix(path, JSONL_SUFFIXES) and path.is_file():
                yield from read_jsonl(path, fields)
            elif has_suffix(path, WARC_SUFFIXES) and path.is_file():
                yield from read_warc(path)
            else:
                yield read_file(path, path.stem)


def report_files(folder: Path, recursive: bool = False) -> list[Path]:
    """The .txt and .html files of a folder, sorted (with its sub-folders' when `recursive`)."""
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(p for p in found if has_suffix(p, REPORT_SUFFIXES) and p.is_file())


def has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def read_file(path: Path, report_id: str) -> Report | Failure:
    """A report file: an HTML page by its suffix or its first tag, else plain text."""
    def read() -> Report:
        data = read_bytes(path, MAX_HTML_BYTES, "page") if has_suffix(path, HTML_SUFFIXES) else \
            read_bytes(path, max(MAX_REPORT_BYTES, MAX_HTML_BYTES), "report")
        return read_data(data, str(path), report_id)
    return _guarded(read, str(path), report_id)


def read_data(data: bytes, origin: str, report_id: str, url: str | None = None,
              html: bool | None = None, charset: str | None = None) -> Report:
    """A report from bytes: an HTML page (`html`, or by its first tag) or a UTF-8 text."""
    if html if html is not None else looks_like_html(data):
        page = read_page(_declared(data, charset), origin, url)
        return Report(report_id, origin, page.text, published=page.published, source=page.source,
                      url=url or page.url, title=page.title)
    return Report(report_id, origin, decode(data, origin), url=url)


def read_text(text: str, origin: str, report_id: str | None = None, html: bool | None = None) -> Report:
    """A report given as a string (a pasted report, a JSON field): a page when
    `html` says so or it starts with markup. BadInput when it holds none."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a JSON "\\ud800" escape
        raise BadInput(f"{origin}: not valid Unicode text") from None
    return read_data(data, origin, report_id or "", html=html)


def read_url(url: str, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """The page at `url`, fetched, read as a saved page is; the URL is its id and its source link."""
    fetched = fetch(url, timeout)
    return read_data(fetched.body, url, url, url=url, html=fetched.kind == "html", charset=fetched.charset)


def _read_stdin() -> Report:
    data = sys.stdin.buffer.read(max(MAX_REPORT_BYTES, MAX_HTML_BYTES) + 1)
    return read_data(data, "standard input", "stdin")


def _declared(data: bytes, charset: str | None) -> bytes | str:
    """A page's markup, decoded when its server declared the charset (the
    page's own <meta> is read by the HTML parser otherwise)."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return data


def _guarded(read, origin: str, report_id: str | None) -> Report | Failure:
    try:
        return read()
    except BadInput as exc:
        return Failure(origin, str(exc), report_id)


def extract_report(report: Report, published: str | None = None, source: str | None = None) -> Record:
    """The report's record. `published` and `source` given by the user win, as
    extract()'s do; the report's own metadata (a page's date, a feed's
    publisher) only fills in what its dateline does not state."""
    fallback_date = None if published else report.published
    fallback_source = None if source else report.source
    if fallback_date or fallback_source:
        stated = find_dateline(report.text, gazetteer.load())
        fallback_date = None if stated.date else fallback_date
        fallback_source = None if stated.source else fallback_source
    record = extract(report.text, published=published or fallback_date, source=source or fallback_source,
                     doc_id=report.id or None)
    record.url = report.url
    return record
