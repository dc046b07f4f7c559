"""The inputs of a batch: finding them and cutting them into chunks on the
driver, reading one chunk's reports on a worker.

A chunk is the unit of work and of resumption. Its id is a hash of what it
reads (absolute paths, sizes, modification times, the byte range, the JSONL
field names), so the same command over the same inputs plans the same chunks,
and a changed input plans new ones.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Iterator, Literal, Sequence

from ..archives import JSONL_SUFFIXES, WARC_SUFFIXES, Fields, read_jsonl, read_warc
from ..inputs import BadInput, Failure, Report
from ..reader import has_suffix, read_file, report_files

__all__ = ["Chunk", "Failure", "Fields", "InputFile", "Report", "plan_chunks", "read_chunk", "DEFAULT_CHUNK_SIZE"]

DEFAULT_CHUNK_SIZE = 500  # reports per task: big enough that scheduling costs nothing, small enough to resume

ChunkKind = Literal["files", "jsonl", "warc"]


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
            for found in report_files(path, recursive=True):
                plan.files.setdefault(str(found.resolve()), InputFile(str(found.resolve()), _report_name(found, path)))
        elif has_suffix(path, JSONL_SUFFIXES):
            plan.chunks.extend(_jsonl_chunks(path.resolve(), fields, chunk_size))
        elif has_suffix(path, WARC_SUFFIXES):
            warc = InputFile(str(path.resolve()), path.name)
            plan.chunks.append(Chunk(_chunk_id("warc", [warc]), "warc", (warc,)))
        else:  # any other file named on its own is a report (a page by its first tag), as for `communique extract`
            plan.files.setdefault(str(path.resolve()), InputFile(str(path.resolve()), path.stem))
    files = list(plan.files.values())
    for i in range(0, len(files), chunk_size):
        group = tuple(files[i:i + chunk_size])
        plan.chunks.append(Chunk(_chunk_id("files", group), "files", group))
    return plan.chunks


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
            yield read_file(Path(source.path), source.name)
    elif chunk.kind == "jsonl":
        yield from read_jsonl(chunk.files[0].path, chunk.fields, chunk.start, chunk.end)
    else:
        yield from read_warc(chunk.files[0].path)
