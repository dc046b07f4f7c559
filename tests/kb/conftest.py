"""Knowledge-base tests run on a fresh SQLite file and, where COMMUNIQUE_TEST_PG
names a PostgreSQL database (as .ci/run does), on that server too."""
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from communique.kb import open_db

REPORTS = Path(__file__).parent / "reports"
PG = os.environ.get("COMMUNIQUE_TEST_PG")


def _postgres_url() -> str:
    """A new empty schema-less database for one test, on the test server."""
    name = "kb_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    if not PG:
        pytest.skip("COMMUNIQUE_TEST_PG is not set (.ci/run sets it)")
    return _postgres_url()


@pytest.fixture
def db(db_url):
    return open_db(db_url)
