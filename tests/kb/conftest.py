"""Knowledge-base tests run on a fresh SQLite file and, where COMMUNIQUE_TEST_PG
names a PostgreSQL database (as .ci/run does), on that server too."""
import os
from pathlib import Path

import pytest

from communique.kb import open_db
from communique.kb.db import create_database

REPORTS = Path(__file__).parent / "reports"
PG = os.environ.get("COMMUNIQUE_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    if not PG:
        pytest.skip("COMMUNIQUE_TEST_PG is not set (.ci/run sets it)")
    return create_database(PG, prefix="kb")


@pytest.fixture
def db(db_url):
    return open_db(db_url)
