"""The driver of a batch: plan the chunks, skip the ones finished before,
send the rest to Dask workers, and gather their small summaries.

Workers read their inputs and write their Parquet parts themselves; the
driver never holds a report, so one driver keeps many workers busy.
"""
from __future__ import annotations

import logging
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from ..kb.db import database_url, open_db
from . import output
from .output import ChunkSummary
from .sources import DEFAULT_CHUNK_SIZE, Chunk, Fields, plan_chunks
from .tasks import run_chunk, warm_up


@dataclass(frozen=True)
class BatchOptions:
    out: Path
    fields: Fields = Fields()
    chunk_size: int = DEFAULT_CHUNK_SIZE
    ingest_url: str | None = None  # store every report in this knowledge base too


@dataclass
class BatchSummary:
    reports: int = 0
    meetings: int = 0
    errors: int = 0
    seconds: float = 0.0
    chunks: int = 0  # chunks this run worked on
    already_done: int = 0  # chunks an earlier run finished, skipped
    first_errors: list[str] = field(default_factory=list)
    failed_chunks: list[tuple[str, str]] = field(default_factory=list)  # (chunk id, reason): redone on a re-run

    @property
    def rate(self) -> float:
        return self.reports / self.seconds if self.seconds else 0.0

    def add(self, chunk: ChunkSummary) -> None:
        self.reports += chunk.reports
        self.meetings += chunk.meetings
        self.errors += chunk.errors
        self.first_errors.extend(chunk.first_errors[:max(0, 10 - len(self.first_errors))])


class WarmUp(WorkerPlugin):
    """Loads the pipeline's data on each worker as it joins, a replacement for a lost one too."""

    name = "communique-warm-up"

    def setup(self, worker) -> None:
        warm_up()


@contextmanager
def dask_client(workers: int, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, else of a local cluster of
    `workers` processes of one thread each (extraction holds the GIL)."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # Workers sample their task's stack every 10 ms for the dashboard's profile, which no one looks at
    # here: it would take that time from the extraction. Workers inherit this config.
    with warnings.catch_warnings(), dask.config.set({"distributed.worker.profile.enabled": False}):
        # without a dashboard the scheduler still serves /health, on 8787 or on any port when that is taken
        warnings.filterwarnings("ignore", message="Port 8787 is already in use")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        yield client


def warm_workers(client: Client) -> None:
    """Returns once every current worker has its data loaded."""
    client.register_plugin(WarmUp())


def prepare(paths: Sequence[str], options: BatchOptions) -> tuple[list[Chunk], int]:
    """The chunks still to do, and how many chunks earlier runs finished.

    A finished chunk that is no longer planned but read one of the planned
    inputs was made from an older version of it: its rows are removed, so
    that the re-planned chunks do not write its reports twice."""
    chunks = plan_chunks(paths, options.fields, options.chunk_size)
    if options.ingest_url:
        open_db(options.ingest_url)  # its schema migrated once here, not by every worker at once
    options.out.mkdir(parents=True, exist_ok=True)
    output.remove_temporaries(options.out)
    done = output.done_chunks(options.out)
    planned = {c.id for c in chunks}
    planned_inputs = {path for c in chunks for path in c.inputs}
    for chunk_id, marker in done.items():
        if chunk_id not in planned and planned_inputs.intersection(marker.get("inputs", [])):
            output.remove_chunk(options.out, chunk_id)
    todo = [c for c in chunks if c.id not in done]
    return todo, len(chunks) - len(todo)


def run_batch(client: Client, chunks: Sequence[Chunk], options: BatchOptions,
              on_chunk: Callable[[BatchSummary], None] | None = None) -> BatchSummary:
    """Run every chunk on the cluster; a chunk whose task fails is reported and
    left unmarked, so that the next run does it again."""
    summary = BatchSummary(chunks=len(chunks))
    started = time.perf_counter()
    futures = {client.submit(run_chunk, chunk, str(options.out), options.ingest_url,
                             key=f"communique-chunk-{chunk.id}"): chunk.id
               for chunk in chunks}
    for future in as_completed(futures):
        try:
            summary.add(future.result())
        except Exception as exc:  # noqa: BLE001  a lost chunk is reported; the others go on
            summary.failed_chunks.append((futures[future], " ".join(f"{type(exc).__name__}: {exc}".split())))
        future.release()
        summary.seconds = time.perf_counter() - started
        if on_chunk:
            on_chunk(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_url(db: str | None) -> str:
    """The knowledge base's URL with a SQLite file made absolute: workers may run in other folders."""
    url = database_url(db)
    prefix = "sqlite:///"
    if url.startswith(prefix) and url != prefix + ":memory:":
        return prefix + str(Path(url[len(prefix):]).resolve())
    return url
