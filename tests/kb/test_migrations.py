"""The Alembic history on both databases: a knowledge base made by the first
schema and holding data is brought up to date on opening, the second
migration filling what it adds from what was stored; and it goes back down."""
from sqlalchemy import create_engine, inspect, select, text

from communique.kb import open_db
from communique.kb.db import database_url, migrate
from communique.kb.models import Meeting, PersonKey
from communique.kb.queries import find_people


def test_upgrade_fills_keys_and_place_states(db_url):
    engine = create_engine(database_url(db_url))
    migrate(engine, "0001")
    with engine.begin() as c:
        c.execute(text("INSERT INTO persons (id, name, surname_key) VALUES (1, 'Sirojiddin Mukhriddin', 'muhridin')"))
        c.execute(text("INSERT INTO person_names (person_id, name) VALUES (1, 'Sirojiddin Mukhriddin')"))
        c.execute(text("INSERT INTO reports (id, content_hash, name, text, record) VALUES (1, 'h', 'r', 't', '{}')"))
        c.execute(text("INSERT INTO meetings (id, kind, location, reasons) VALUES (1, 'session', 'Dushanbe', '{}')"))
        c.execute(text("INSERT INTO meeting_sources (meeting_id, report_id, kind, location, \"values\") VALUES "
                       "(1, 1, 'session', 'Dushanbe', '{\"location\": {\"name\": \"Dushanbe\", \"country\": \"TJK\"}}')"))
    engine.dispose()
    db = open_db(db_url)  # upgrades to the newest
    with db.session() as s:
        assert set(s.scalars(select(PersonKey.key))) == {"siro", "muhr"}
        assert s.get(Meeting, 1).location_country == "TJK"
        assert [p.name for p in find_people(s, "Muhriddin")] == ["Sirojiddin Mukhriddin"]
    migrate(db.engine, "0001", down=True)
    assert "person_keys" not in inspect(db.engine).get_table_names()
    migrate(db.engine)
    assert "person_keys" in inspect(db.engine).get_table_names()
    db.engine.dispose()


LIST_INDEXES = {"meetings": {"ix_meetings_date_id", "ix_meetings_lower_org_date"},
                "reports": {"ix_reports_published_id"}, "persons": {"ix_persons_name_id"}}


def _index_names(engine, table: str) -> set[str]:
    if engine.dialect.name == "sqlite":  # SQLAlchemy does not reflect SQLite's indexes on an expression
        with engine.connect() as c:
            return set(c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                                         (table,)).scalars())
    return {i["name"] for i in inspect(engine).get_indexes(table)}


def test_list_indexes_up_and_down(db_url):
    db = open_db(db_url)
    for table, names in LIST_INDEXES.items():
        assert names <= _index_names(db.engine, table)
    migrate(db.engine, "0002", down=True)
    for table, names in LIST_INDEXES.items():
        assert not names & _index_names(db.engine, table)
    migrate(db.engine)
    for table, names in LIST_INDEXES.items():
        assert names <= _index_names(db.engine, table)
    db.engine.dispose()


def test_lists_are_read_off_the_indexes(tmp_path):
    """SQLite's plan for a page of each list: an index read in order, no sort."""
    db = open_db(f"sqlite:///{tmp_path / 'kb.db'}")
    pages = {"SELECT id FROM meetings ORDER BY date DESC, id DESC LIMIT 50 OFFSET 100": "ix_meetings_date",
             "SELECT id FROM meetings WHERE lower(org) = 'csto' AND date >= '2024' "
             "ORDER BY date DESC, id DESC LIMIT 50": "ix_meetings_lower_org_date",
             "SELECT id, name FROM persons ORDER BY name, id LIMIT 50": "ix_persons_name_id",
             "SELECT id FROM reports ORDER BY published DESC, id DESC LIMIT 50": "ix_reports_published_id"}
    with db.engine.connect() as c:
        for query, index in pages.items():
            plan = " ".join(row[-1] for row in c.exec_driver_sql("EXPLAIN QUERY PLAN " + query))
            assert index in plan and "TEMP B-TREE" not in plan, (query, plan)
    db.engine.dispose()
