"""`communique batch`: extract a corpus on a Dask cluster into Parquet tables."""
from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError

from ..inputs import BadInput
from .sources import DEFAULT_CHUNK_SIZE, Fields

if TYPE_CHECKING:
    from .run import BatchSummary


def batch(
    inputs: Annotated[list[str], typer.Argument(help="Folders of .txt/.html reports (recursive), .jsonl files, .warc/.warc.gz files.")],
    out: Annotated[Path, typer.Option("--out", help="Folder of the Parquet tables: reports, meetings, participants, adopted, errors.")],
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes of the local cluster (default: one per core).")] = os.cpu_count() or 1,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a running Dask scheduler to use instead, e.g. tcp://host:8786.")] = None,
    text_field: Annotated[str, typer.Option(help="JSONL key of a report's text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL key of a report's id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSONL key of a report's date, used when its text states none.")] = "date",
    source_field: Annotated[str, typer.Option(help="JSONL key of a report's publisher, used when its text names none.")] = "source",
    chunk_size: Annotated[int, typer.Option(min=1, help="Reports per task (one WARC file is one task).")] = DEFAULT_CHUNK_SIZE,
    ingest: Annotated[bool, typer.Option("--ingest", help="Also store every report in the knowledge base.")] = False,
    db: Annotated[Optional[str], typer.Option("--db", help="Knowledge base for --ingest: sqlite:///FILE or postgresql://...")] = None,
) -> None:
    """Extract every report of a corpus on a Dask cluster into Parquet tables under --out.

    Re-running the same command skips the chunks already written and does the rest."""
    # distributed takes half a second to import: only this command pays for it
    from .run import BatchOptions, BatchSummary, dask_client, ingest_url, prepare, run_batch, warm_workers

    options = BatchOptions(out=out.resolve(), fields=Fields(text_field, id_field, date_field, source_field),
                           chunk_size=chunk_size, ingest_url=ingest_url(db) if ingest else None)
    try:
        chunks, already_done = prepare(inputs, options)
    except BadInput as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    except OSError as exc:
        _error(f"{exc.filename or out}: {exc.strerror}")
        raise typer.Exit(2) from None
    except SQLAlchemyError as exc:
        _error(f"cannot open the knowledge base: {exc}")
        raise typer.Exit(2) from None
    summary, started_in, worker_count = BatchSummary(), 0.0, 0
    if chunks:  # nothing left to do needs no cluster
        starting = time.perf_counter()
        try:
            with dask_client(workers, scheduler) as client:
                warm_workers(client)
                started_in = time.perf_counter() - starting
                worker_count = len(client.scheduler_info()["workers"])
                with _progress(len(chunks)) as show:
                    summary = run_batch(client, chunks, options, on_chunk=show)
        except OSError as exc:  # distributed's "Timed out trying to connect" is one
            _error(f"cannot reach the Dask scheduler{' at ' + scheduler if scheduler else ''}: {exc}")
            raise typer.Exit(2) from None
        except RuntimeError as exc:  # "Nanny failed to start": run_batch itself raises nothing
            _error(f"cannot start the local Dask cluster: {exc}")
            raise typer.Exit(2) from None
    summary.already_done = already_done
    _close(summary, options.out, started_in, worker_count)
    if summary.errors or summary.failed_chunks:
        raise typer.Exit(1)


@contextmanager
def _progress(chunks: int) -> Iterator[Callable[[BatchSummary], None]]:
    """A bar of chunks on standard error, with reports, reports per second and errors so far."""
    columns = (TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"),
               TextColumn("{task.fields[reports]:,} reports"), TextColumn("{task.fields[rate]:,.0f} reports/s"),
               TextColumn("{task.fields[errors]:,} errors"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("batch", total=chunks, reports=0, rate=0.0, errors=0)
        yield lambda s: progress.update(task, advance=1, reports=s.reports, rate=s.rate, errors=s.errors)


def _close(summary: BatchSummary, out: Path, started_in: float, workers: int) -> None:
    for reason in summary.first_errors:
        _error(reason)
    if summary.errors > len(summary.first_errors):
        _error(f"{summary.errors - len(summary.first_errors):,} more: every reason is in {out / 'errors'}")
    for chunk_id, reason in summary.failed_chunks:
        _error(f"chunk {chunk_id} failed ({reason}); run the same command again to do it")
    if not summary.chunks:
        sys.stdout.write(f"nothing to do: the {summary.already_done} chunk(s) of these inputs were done before\n")
        return
    sys.stdout.write(
        f"{summary.reports:,} reports, {summary.meetings:,} meetings, {summary.errors:,} errors in "
        f"{summary.seconds:.1f} s ({summary.rate:,.1f} reports/s) on {workers} worker(s) started in {started_in:.1f} s; "
        f"{summary.chunks} chunk(s) done, {summary.already_done} done before\n")


def _error(message: str) -> None:
    sys.stderr.write("error: " + " ".join(message.split()) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(batch)
