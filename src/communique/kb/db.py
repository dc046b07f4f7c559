"""Opening the knowledge base: SQLite in a file by default, PostgreSQL for a
postgresql:// URL; the schema is brought up to date with Alembic on opening."""
from __future__ import annotations

import os
import uuid
from importlib import util
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///communique.db"
_MIGRATION_LOCK = 0x636F6D6E  # the advisory lock processes opening one PostgreSQL database take in turn


def database_url(url: str | None = None) -> str:
    """The URL given, else COMMUNIQUE_DB, else communique.db in this folder."""
    url = url or os.environ.get("COMMUNIQUE_DB") or DEFAULT_URL
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("postgresql+psycopg://") and util.find_spec("psycopg") is None:
        # the driver is an extra: the default install stores the knowledge base in SQLite
        raise ArgumentError("PostgreSQL needs its driver: pip install 'communique[postgres]'")
    return url


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    def session(self) -> Session:
        return self.sessions()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at checkpoints, consistent always
    cursor.execute("PRAGMA busy_timeout=30000")  # several ingesting processes wait for each other
    cursor.close()


def open_db(url: str | None = None) -> Database:
    url = database_url(url)
    if url.startswith("sqlite:///"):
        folder = Path(url[len("sqlite:///"):]).parent
        folder.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return Database(engine, sessionmaker(engine, expire_on_commit=False))


def create_database(server_url: str, prefix: str = "communique") -> str:
    """A new empty PostgreSQL database on the server of `server_url`; its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


def migrate(engine: Engine, revision: str = "head", down: bool = False) -> None:
    """Bring the schema to `revision` (the newest by default), or back down to it."""
    config = Config()
    config.set_main_option("script_location", str(Path(str(resources.files("communique.kb") / "migrations"))))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # processes opening a new database at once would each create the tables; one at a time,
            # the later ones find the schema up to date (the lock is held to the migration's commit)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the same on SQLite: its one write lock, taken first
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
