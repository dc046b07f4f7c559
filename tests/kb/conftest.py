"""Knowledge-base tests run on a fresh SQLite file and, where COMMUNIQUE_TEST_PG
names a PostgreSQL database (as .ci/run does), on that server too."""
from pathlib import Path

import pytest

from communique.kb import open_db

REPORTS = Path(__file__).parent / "reports"


@pytest.fixture
def db(db_url):
    return open_db(db_url)
