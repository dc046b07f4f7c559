"""PostgreSQL's driver is an extra: without it, a postgresql:// URL gets one
line saying what to install, never a traceback."""
from importlib import util

from typer.testing import CliRunner

from communique.cli import app
from communique.kb import db


def test_a_postgresql_url_without_its_driver_says_what_to_install(monkeypatch):
    real_find_spec = util.find_spec
    monkeypatch.setattr(db.util, "find_spec", lambda name, *a: None if name == "psycopg" else real_find_spec(name, *a))
    done = CliRunner().invoke(app, ["meetings", "--db", "postgresql://someone:pw@127.0.0.1/nowhere"])
    assert done.exit_code == 1
    assert "error: database: PostgreSQL needs its driver: pip install 'communique[postgres]'" in done.output
    assert "Traceback" not in done.output


def test_sqlite_needs_no_driver(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    assert db.database_url(url) == url
    done = CliRunner().invoke(app, ["meetings", "--db", url])
    assert done.exit_code == 0 and "0 meeting(s)" in done.output
