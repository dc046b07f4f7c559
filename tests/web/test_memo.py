"""Counts, organisations and the timeline are remembered per state of the
knowledge base: the same state answers from memory, a new report is seen at once."""
from __future__ import annotations

from communique.kb import ingest_text, open_db
from communique.web.catalog import list_orgs, list_reports
from communique.web.memo import remembered
from communique.web.meetings import Filters, list_meetings
from communique.web.people import list_people

# Written for these tests, in the shape of an agency's report.
SCO_COUNCIL = ("ASTANA, 3 March 2025 (Kazinform) - The SCO Council of Foreign Ministers met in Astana on Monday, "
               "chaired by Foreign Minister of Kazakhstan Murat Nurtleu.\n")
CSTO_COUNCIL = ("YEREVAN, 12 May 2025 (Armenpress) - The CSTO Council of Foreign Ministers met in Yerevan on Monday, "
                "chaired by Foreign Minister of Armenia Ararat Mirzoyan.\n")


def test_same_state_is_computed_once(tmp_path):
    db = open_db(f"sqlite:///{tmp_path / 'kb.db'}")
    ingest_text(db, SCO_COUNCIL, "sco", published="2025-03-03")
    calls = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    for _ in range(3):  # three requests on one state
        with db.session() as s:
            assert remembered(s, ("probe",), count) == 1
    ingest_text(db, CSTO_COUNCIL, "csto", published="2025-05-12")
    with db.session() as s:
        assert remembered(s, ("probe",), count) == 2  # a new state: computed again
    db.engine.dispose()


def test_a_new_report_changes_every_remembered_answer(tmp_path):
    db = open_db(f"sqlite:///{tmp_path / 'kb.db'}")
    ingest_text(db, SCO_COUNCIL, "sco", published="2025-03-03")
    with db.session() as s:
        assert list_meetings(s, Filters())["total"] == 1
        assert list_meetings(s, Filters(org="csto"))["total"] == 0
        assert [o["name"] for o in list_orgs(s)] == ["SCO"]
        assert list_reports(s)["total"] == 1
        people = list_people(s)["total"]
    ingest_text(db, CSTO_COUNCIL, "csto", published="2025-05-12")
    with db.session() as s:
        assert list_meetings(s, Filters())["total"] == 2
        assert list_meetings(s, Filters(org="csto"))["total"] == 1
        assert [o["name"] for o in list_orgs(s)] == ["CSTO", "SCO"]
        assert list_reports(s)["total"] == 2
        assert list_people(s)["total"] == people + 1
    db.engine.dispose()


def test_a_session_over_two_transactions_reads_the_state_again(tmp_path):
    db = open_db(f"sqlite:///{tmp_path / 'kb.db'}")
    ingest_text(db, SCO_COUNCIL, "sco", published="2025-03-03")
    with db.session() as s:
        assert list_meetings(s, Filters())["total"] == 1
        s.commit()
        ingest_text(db, CSTO_COUNCIL, "csto", published="2025-05-12")
        assert list_meetings(s, Filters())["total"] == 2
    db.engine.dispose()


def test_the_meetings_page_timeline_follows_the_knowledge_base(tmp_path):
    from communique.web.pages import timeline_figure

    db = open_db(f"sqlite:///{tmp_path / 'kb.db'}")
    ingest_text(db, SCO_COUNCIL, "sco", published="2025-03-03")
    with db.session() as s:
        before = timeline_figure(s, Filters())
    ingest_text(db, CSTO_COUNCIL, "csto", published="2025-05-12")
    with db.session() as s:
        after = timeline_figure(s, Filters())
    assert "2025-03: 1 meeting(s)" in before and "2025-05" not in before
    assert "2025-05: 1 meeting(s)" in after
    db.engine.dispose()
