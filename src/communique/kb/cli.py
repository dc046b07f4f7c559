"""The knowledge-base commands of `communique`: ingest, meetings, person, export."""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from sqlalchemy.exc import SQLAlchemyError
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from . import export as export_module
from .db import open_db
from ..reader import DEFAULT_TIMEOUT
from .ingest import ingest_paths
from .queries import meetings as find_meetings
from .queries import person as find_person

DbOption = Annotated[Optional[str], typer.Option("--db", help="sqlite:///FILE or postgresql://...; default COMMUNIQUE_DB or sqlite:///communique.db")]
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)


@contextmanager
def database_errors() -> Iterator[None]:
    """A database that cannot be opened, read or written (a full disk, a server
    gone, a bad URL) gives one line on standard error and exit status 1."""
    try:
        yield
    except (SQLAlchemyError, OSError) as exc:
        sys.stderr.write(f"error: {_reason(exc)}\n")
        raise typer.Exit(1) from None


def _reason(exc: Exception) -> str:
    cause = getattr(exc, "orig", None) or exc  # the driver's own message, without SQLAlchemy's SQL and links
    first = " ".join((str(cause).strip().splitlines() or [type(cause).__name__])[0].split())
    if "full" in first.lower() or "no space" in first.lower():
        return f"the database's disk is full ({first}); free some space and ingest again"
    return f"database: {first}"


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def ingest(paths: Annotated[list[str], typer.Argument(help="Reports: .txt or .html files, folders of them, .jsonl or .warc files, http(s) URLs, or -.")],
           db: DbOption = None,
           timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a URL's whole page.")] = DEFAULT_TIMEOUT) -> None:
    """Extract reports and store them in the knowledge base (each report once)."""
    with database_errors(), Progress(console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("ingesting", total=None)
        summary = ingest_paths(open_db(db), paths, progress=lambda name: progress.advance(task), timeout=timeout)
    for _origin, reason in summary.failed:
        sys.stderr.write(f"error: {reason}\n")
    out.print(f"{summary.stored} stored, {summary.already} already stored, {len(summary.failed)} failed")
    if summary.failed:
        raise typer.Exit(1)


def meetings(org: Annotated[Optional[str], typer.Option(help="Organisation acronym, e.g. CSTO")] = None,
             body: Annotated[Optional[str], typer.Option(help="Words of the body's name")] = None,
             person: Annotated[Optional[str], typer.Option(help="A participant's name, any spelling")] = None,
             country: Annotated[Optional[str], typer.Option(help="ISO alpha-3 of a participant's state")] = None,
             since: Annotated[Optional[str], typer.Option(help="ISO date")] = None,
             until: Annotated[Optional[str], typer.Option(help="ISO date")] = None,
             output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
             db: DbOption = None) -> None:
    """List meetings, filtered."""
    with database_errors():
        rows = find_meetings(open_db(db), org=org, body=body, person=person, country=country, since=since, until=until)
    if output_format is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    flat = [{"id": r["id"], "date": r["date"], "kind": r["kind"], "org": r["org"], "body": r["body"],
             "location": r["location"], "chair": r["chair"],
             "participants": "; ".join(f"{p['name']} ({p['for']})" for p in r["participants"]),
             "sources": len(r["sources"]),
             "disagreements": "; ".join(f"{k}: {d['shown']} ({d['reason']})" for k, d in r["disagreements"].items())}
            for r in rows]
    if output_format is TableFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(flat[0]) if flat else ["id"])
        writer.writeheader()
        writer.writerows(flat)
        return
    columns = ("date", "kind", "org", "body", "location", "chair", "participants", "sources", "disagreements")
    table = Table(*columns)
    for r in flat:
        table.add_row(*(str(r[k] or "") for k in columns))
    out.print(table)
    out.print(f"{len(flat)} meeting(s)")


def person(name: Annotated[str, typer.Argument(help="Any spelling of the person's name")], db: DbOption = None) -> None:
    """A person's names, roles over time, meetings, and who they met most."""
    with database_errors():
        views = find_person(open_db(db), name)
    if not views:
        sys.stderr.write(f"error: no person named {name!r}\n")
        raise typer.Exit(1)
    for v in views:
        out.print(f"[bold]{v.name}[/bold]  (also: {', '.join(n for n in v.names if n != v.name) or '-'})")
        for r in v.roles:
            out.print(f"  {r['role']} of {r['for']}: {r['first_seen']} to {r['last_seen']} "
                      f"({r['sources']} report(s): {', '.join(r['reports'])})")
        out.print(f"  meetings: {len(v.meetings)}")
        for m in v.meetings:
            what = " ".join(x for x in (m["date"], m["kind"], m["org"], m["body"], m["location"]) if x)
            out.print(f"    {what}  ({len(m['sources'])} source(s))")
        if v.met_most:
            out.print("  met most: " + ", ".join(f"{n} ({c})" for n, c in v.met_most))


def export(output_format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet (tables); plover (events); graphml, gexf (who meets whom)")],
           destination: Annotated[Path, typer.Argument(help="Folder for the tables; the file for plover, graphml and gexf")],
           level: Annotated[str, typer.Option("--level", help="graphml and gexf: a node per person, or per state")] = "person",
           db: DbOption = None) -> None:
    """Export the tables, the meetings as PLOVER event records, or who meets whom as a graph."""
    from ..events import graph as graph_module  # here: networkx takes a while to import
    from ..events import knowledge

    formats = (*export_module.FORMATS, "plover", *graph_module.FORMATS)
    if output_format not in formats:
        sys.stderr.write(f"error: --format must be one of {', '.join(formats)}\n")
        raise typer.Exit(2)
    if level not in graph_module.LEVELS:
        sys.stderr.write(f"error: --level must be one of {', '.join(graph_module.LEVELS)}\n")
        raise typer.Exit(2)
    if output_format in export_module.FORMATS:
        with database_errors():
            written = export_module.export(open_db(db), output_format, destination)
        for name, path in written.items():
            out.print(f"{name}: {path}")
        return
    if destination.is_dir():
        sys.stderr.write(f"error: {destination} is a folder; --format {output_format} writes one file\n")
        raise typer.Exit(2)
    with database_errors(), open_db(db).session() as session:
        if output_format == "plover":
            events, left_out = knowledge.all_events(session)
        else:
            graph = graph_module.meeting_graph(session, level)
    try:
        if output_format == "plover":
            knowledge.write_jsonl(events, destination)
        else:
            graph_module.write_graph(graph, output_format, destination)
    except OSError as exc:
        sys.stderr.write(f"error: cannot write {destination}: {exc.strerror or exc}\n")
        raise typer.Exit(1) from None
    if output_format == "plover":
        out.print(f"{len(events)} PLOVER records: {destination}"
                  + (f" ({left_out} meeting(s) without a date or an actor left out)" if left_out else ""))
    else:
        out.print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges: {destination}")


def register(app: typer.Typer) -> None:
    for command in (ingest, meetings, person, export):
        app.command()(command)
