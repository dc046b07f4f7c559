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
