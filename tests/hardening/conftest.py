"""Hardening tests run on a fresh SQLite file and, where COMMUNIQUE_TEST_PG
names a PostgreSQL server (as .ci/run does), on a fresh database there too."""
import os

import pytest

from communique.kb.db import create_database

PG = os.environ.get("COMMUNIQUE_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    if not PG:
        pytest.skip("COMMUNIQUE_TEST_PG is not set (.ci/run sets it)")
    return create_database(PG, prefix="hardening")
