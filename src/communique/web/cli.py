"""The web commands of `communique`: serve and demo. FastAPI and uvicorn are
imported only when a command runs, so other commands start as fast as before."""
from __future__ import annotations

import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..kb.cli import DbOption, database_errors

Host = Annotated[str, typer.Option(help="Address to listen on")]
Port = Annotated[int, typer.Option(help="Port to listen on")]
Workers = Annotated[int, typer.Option(min=1, help="Worker processes answering requests (default: one per core)")]
EXAMPLES = Path(str(resources.files("communique") / "examples"))


def serve(db: DbOption = None, host: Host = "127.0.0.1", port: Port = 8000,
          workers: Workers = os.cpu_count() or 1) -> None:
    """Serve the knowledge base: web pages, and the JSON API with its docs at /docs."""
    _run(db, host, port, workers)


Folder = Annotated[Optional[Path], typer.Option(help="Keep the demo database in FOLDER (default: a temporary one)")]


def demo(host: Host = "127.0.0.1", port: Port = 8000, folder: Folder = None, workers: Workers = 1) -> None:
    """Ingest the example reports that ship with communique into a fresh database and serve it."""
    with tempfile.TemporaryDirectory(prefix="communique-demo-") as tmp:
        url = build_demo(folder or Path(tmp))
        _run(url, host, port, workers)


def build_demo(folder: Path) -> str:
    """A fresh SQLite database in `folder` holding the example reports; its URL."""
    from ..kb import ingest_paths, open_db

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "communique-demo.db"
    for old in folder.glob("communique-demo.db*"):
        old.unlink()
    url = f"sqlite:///{path}"
    database = open_db(url)
    summary = ingest_paths(database, [str(EXAMPLES)])
    database.engine.dispose()
    sys.stderr.write(f"demo: {summary.stored} example reports in {path}\n")
    return url


def _run(db: str | None, host: str, port: int, workers: int) -> None:
    import uvicorn

    from ..kb.db import database_url, open_db

    with database_errors():  # a bad database is one line here, before any worker starts; the schema is migrated once
        url = database_url(db)
        open_db(url).engine.dispose()
    os.environ["COMMUNIQUE_DB"] = url  # each worker process builds its own application on it (create_app's default)
    sys.stderr.write(f"communique: serving on http://{host}:{port}/ with {workers} worker(s) "
                     "(API docs at /docs); Ctrl-C stops\n")
    uvicorn.run("communique.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    for command in (serve, demo):
        app.command()(command)
