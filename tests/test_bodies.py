"""Bodies and organisations as reports write them: an organisation's name or
an acronym inserted in a body's name, groups of office holders of an
organisation's members, qualifiers, a part of a session before it."""
from __future__ import annotations

import pytest

from communique.mentions import find_mentions
from communique.text import Document
from conftest import only_meeting, participant_names


def bodies_in(gz, text: str):
    found = find_mentions(Document.from_text(text), gz)
    for m in found:
        assert text[m.start:m.end] == m.text
    return [m for m in found if m.kind == "body"]


@pytest.mark.parametrize("text, printed, org", [
    ("The Council of the CIS Heads of Government gathered in Minsk.", "Council of the CIS Heads of Government", "CIS"),
    ("The Council of CIS Heads of State gathered in Dushanbe.", "Council of CIS Heads of State", "CIS"),
    ("The Summit of the East African Community (EAC) Heads of State opened in Arusha.",
     "Summit of the East African Community (EAC) Heads of State", "EAC"),
])
def test_an_organisation_inside_a_body_name(gz, text, printed, org):
    bodies = bodies_in(gz, text)
    assert [b.text for b in bodies] == [printed]
    assert bodies[0].inner_org == org
    start, end = bodies[0].inner_org_span
    assert text[start:end] in (org, "East African Community")


def test_a_bracketed_acronym_inside_a_body_name(gz):
    text = "Ministers gathered for the East Asia Summit (EAS) Foreign Ministers' Meeting in Jakarta."
    bodies = bodies_in(gz, text)
    assert [b.text for b in bodies] == ["East Asia Summit (EAS) Foreign Ministers' Meeting"]
    assert "East Asia Summit Foreign Ministers' Meeting" in {b.name for b in bodies[0].bodies}


def test_a_bracketed_acronym_after_a_whole_name_stays_apart(gz):
    text = "The East Asia Summit (EAS) opened in Jakarta."
    assert [b.text for b in bodies_in(gz, text)] == ["East Asia Summit", "EAS"]


def test_an_organisation_written_in_two_cases_is_found_in_either(gz):
    for text in ("Ministers of the Quad spoke.", "Ministers of the QUAD spoke."):
        found = find_mentions(Document.from_text(text), gz)
        assert [(m.kind, m.key) for m in found if m.kind == "org"] == [("org", "Quad")]


def test_a_capitals_only_acronym_stays_capitals_only(gz):
    found = find_mentions(Document.from_text("Let us meet the AU envoy."), gz)
    assert [m.text for m in found if m.kind == "org"] == ["AU"]


def test_an_inserted_organisation_gives_the_session_its_body(extract):
    record = extract("Prime Minister Olzhas Bektenov of Kazakhstan took part in the meeting of the Council of the "
                     "CIS Heads of Government in Minsk on 3 June 2025.\n")
    session = only_meeting(record)
    assert session.org is not None and session.org.name == "CIS"
    assert session.body is not None and session.body.name == "Council of Heads of Government"
    assert [e.text for e in session.body.evidence] == ["Council of the CIS Heads of Government"]


@pytest.mark.parametrize("sentence, org, body", [
    ("The Defence Ministers of the ASEAN member nations met in Vientiane on 4 March 2025.", "ASEAN",
     "ASEAN Defence Ministers' Meeting"),
    ("The foreign ministers of the SCO member states held a meeting in Astana on 4 March 2025.", "SCO",
     "Council of Foreign Ministers"),
    ("The Quad foreign ministers previously met in Tokyo on 4 March 2025.", "Quad", "Quad Foreign Ministers' Meeting"),
    # the article of "held a meeting" is inside the phrase; the office's other name after a slash
    ("On 4 March 2025 the Ministers of Foreign Affairs/International Relations of the BRICS countries held a meeting "
     "in Rio de Janeiro.", "BRICS", "Meeting of BRICS Ministers of Foreign Affairs"),
])
def test_a_group_of_members_office_holders_meets_in_the_body_of_its_level(extract, sentence, org, body):
    record = extract(sentence + " Foreign Minister Pham Binh Minh of Vietnam and Defence Minister Tran Quang Vinh "
                                "of Vietnam took part.\n")
    session = only_meeting(record, "session")
    assert session.org is not None and session.org.name == org
    assert session.body is not None and session.body.name == body


def test_a_group_of_two_states_ministers_still_holds_talks(extract):
    record = extract("The Turkish and Azerbaijani foreign ministers met in Baku on 4 March 2025.\n")
    assert all(m.body is None for m in record.meetings)


def test_a_generic_body_of_a_named_organisation_is_its_own_body(extract, gz):
    record = extract("Foreign Minister Penny Wong of Australia attended a Meeting of Pacific Islands Forum Foreign "
                     "Ministers in Suva on 4 March 2025.\n")
    session = only_meeting(record, "session")
    assert session.org is not None and session.org.name == "PIF"
    assert session.body is not None and session.body.name != "Foreign Ministers' Meeting"
    assert session.body.name in {b.name for b in gz.orgs["PIF"].bodies}


def test_the_opening_session_of_a_session_is_that_session(extract):
    record = extract("Foreign Minister Ayman Safadi addressed the opening session of the 51st session of the Council "
                     "of Foreign Ministers of the Member States of the Organisation of Islamic Cooperation, which "
                     "began in Jeddah on 4 March 2025.\n")
    session = only_meeting(record, "session")
    assert session.org is not None and session.org.name == "OIC"
    assert session.body is not None and session.body.name == "Council of Foreign Ministers"
    assert "Ayman Safadi" in participant_names(session)


@pytest.mark.parametrize("sentence, org, body, printed", [
    ("The 19th ordinary summit of the Economic Community of Central African States opened in Malabo on "
     "4 March 2025, chaired by President Teodoro Obiang Nguema Mbasogo.", "ECCAS",
     "Conference of Heads of State and Government", "19th ordinary summit"),
    ("President Joko Widodo chaired the 43rd ASEAN Summit in Jakarta on 4 March 2025.", "ASEAN", "ASEAN Summit",
     "ASEAN Summit"),
])
def test_an_organisations_summit_is_a_session_of_its_summit_body(extract, sentence, org, body, printed):
    summit = only_meeting(extract(sentence + "\n"), "summit")
    assert summit.org is not None and summit.org.name == org
    assert summit.body is not None and summit.body.name == body
    assert printed in [e.text for e in summit.body.evidence][0]


def test_a_summit_of_an_organisation_without_a_summit_body_gets_none(extract):
    record = extract("President Lula da Silva attended the BRICS summit in Kazan on 23 October 2024.\n")
    summit = only_meeting(record, "summit")
    assert summit.org is not None and summit.org.name == "BRICS"
    assert summit.body is None


@pytest.mark.parametrize("sentence, org, body", [
    ("Foreign Minister Sergey Lavrov of Russia attended the SCO ministerial meeting in Astana on 4 March 2025.", "SCO",
     "Council of Foreign Ministers"),
    ("Foreign Minister Penny Wong of Australia attended the Quad foreign ministerial meeting in Tokyo on 4 March 2025.",
     "Quad", "Quad Foreign Ministers' Meeting"),
])
def test_a_lower_case_ministerial_meeting_of_an_organisation_is_its_ministers_body(extract, sentence, org, body):
    session = only_meeting(extract(sentence + "\n"), "session")
    assert session.org is not None and session.org.name == org
    assert session.body is not None and session.body.name == body
    assert "ministerial meeting" in session.body.evidence[0].text


def test_a_meeting_of_an_organisation_with_no_body_of_that_level_has_none(extract):
    record = extract("Foreign Minister Yusuf Tuggar of Nigeria attended the ECOWAS ministerial meeting in Abuja on "
                     "4 March 2025.\n")
    assert all(m.body is None for m in record.meetings)


def test_of_several_bodies_of_a_level_the_one_going_by_the_generic_name(extract):
    record = extract("Foreign Minister Retno Marsudi attended the 56th Meeting of ASEAN Foreign Ministers in Jakarta "
                     "on 4 March 2025.\n")
    session = only_meeting(record, "session")
    assert session.org is not None and session.org.name == "ASEAN"
    assert session.body is not None and session.body.name == "ASEAN Foreign Ministers' Meeting"


def test_a_body_of_the_member_states_of_an_organisation_is_that_organisations(extract):
    record = extract("Foreign Minister Ayman Safadi addressed the 30th session of the Council of Foreign Ministers of "
                     "the Member States of the Organization of Islamic Cooperation in Jeddah on 4 March 2025. Envoys "
                     "of the SCO and of the Arab League spoke, and the SCO envoy spoke twice.\n")
    session = only_meeting(record, "session")
    assert session.org is not None and session.org.name == "OIC"
    assert session.body is not None and session.body.name == "Council of Foreign Ministers"


@pytest.mark.parametrize("printed", ["ASEAN Defense Ministers' Meeting", "ASEAN Defense Ministers Meeting",
                                     "ASEAN Defence Ministers Meeting"])
def test_a_body_name_in_another_spelling(gz, printed):
    bodies = bodies_in(gz, f"The {printed} opened in Vientiane.")
    assert [b.text for b in bodies] == [printed]
    assert "ASEAN Defence Ministers' Meeting" in {b.name for b in bodies[0].bodies}


def test_a_body_name_many_organisations_share_is_no_organisations_when_none_is_named(extract):
    record = extract("RIGA, May 20, 2024 (LETA) - The Baltic Council of Ministers met in Riga on Monday.\n")
    session = record.meetings[0]
    assert session.org is None and session.body.name == "Council of Ministers"


def test_a_body_no_list_holds_is_named_by_its_institution_noun(extract):
    record = extract("MINSK, May 20, 2024 (BelTA) - The 25th meeting of the Council of Heads of Border Services was "
                     "held in Minsk on Monday.\n\nLater, the meeting of the Council heard a report.\n")
    [session] = record.meetings
    assert session.kind == "session" and session.body.name == "Council of Heads of Border Services"



def test_a_body_that_decides_is_meeting(extract):
    record = extract("NEW YORK, 21 October 2024 – Unanimously adopting resolution 2752 (2024) this morning, the Security "
                     "Council extended for a further year the sanctions regime on Haiti.\n")
    assert [(m.kind, m.org.name, m.body.name) for m in record.meetings] == [("session", "UN", "Security Council")]



def test_a_body_no_list_holds_named_before_its_meeting_word(extract):
    record = extract("PHNOM PENH, 5 June 2025 (Xinhua) – Officials from Cambodia and Thailand wrapped up a two-day Joint "
                     "Boundary Commission meeting in Phnom Penh on Sunday. Co-chaired by Cambodian minister Lam Chea and "
                     "Thai adviser Prasas Prasasvinitchai, the talks focused on border markers.\n")
    session = record.meetings[0]
    assert (session.kind, session.body.name) == ("session", "Joint Boundary Commission")
    assert {p.name for p in session.participants} == {"Lam Chea", "Prasas Prasasvinitchai"}



def test_an_organisation_named_inside_a_body_no_list_holds(extract):
    record = extract("BISHKEK, 11 October 2019 (Kabar) – The meeting of the Council of Heads of CIS countries in narrow "
                     "format started in Bishkek.\n")
    summit = record.meetings[0]
    assert (summit.kind, summit.org.name, summit.body.name) == ("summit", "CIS", "Council of Heads of State")



def test_an_acronym_in_brackets_between_an_organisation_and_its_body(extract):
    record = extract("GOA, 4 May 2023 (PTI) – The Shanghai Cooperation Organisation (SCO) Foreign Ministers meeting "
                     "opened in Goa on Thursday.\n")
    assert record.meetings[0].org.name == "SCO"



def test_an_organisations_named_gathering_with_words_between(extract):
    record = extract("NADI, 24 February 2023 – The Pacific Islands Forum Special Leaders Retreat was held in Nadi, Fiji, "
                     "on Friday.\n")
    summit = record.meetings[0]
    assert (summit.kind, summit.org.name) == ("summit", "PIF")


@pytest.mark.parametrize("sentence", [
    "The OAS General Assembly was held in Washington on 4 June 2018.",
    "The General Assembly of the Organization of American States, held on 4 June 2018 in Washington, "
    "concluded with a resolution.",
    "The OAS General Assembly took place in Washington on 4 June 2018.",
])
def test_a_body_told_as_held_is_its_session(extract, sentence):
    session = only_meeting(extract(sentence + "\n"), "session")
    assert session.org is not None and session.org.name == "OAS"
    assert session.body is not None and session.body.name == "General Assembly"
    assert session.date == "2018-06-04"


@pytest.mark.parametrize("sentence, org, body", [
    # a verb after "heads of state" modifies nothing: the group met
    ("The CIS heads of state met in Dushanbe from 9 to 10 October 2025.", "CIS", "Council of Heads of State"),
    ("Commonwealth Heads of Government met in Apia from 9 to 10 October 2025.", "Commonwealth of Nations",
     "Commonwealth Heads of Government Meeting"),
    # "heads of state and government" is one plural title, of the organisation after it; its summit met once
    ("The extraordinary summit of the heads of state and government of SADC met in Lusaka from 9 to 10 October "
     "2025.", "SADC", "Summit of Heads of State and Government"),
])
def test_heads_of_an_organisation_s_states_who_met_held_its_summit(extract, sentence, org, body):
    summit = only_meeting(extract(sentence + "\n"), "summit")
    assert (summit.org.name, summit.body.name) == (org, body)
    assert summit.date == "2025-10-09"  # "from 9 to 10 October": the range's first day


def test_a_body_holding_its_session_numbered_in_brackets_holds_one(extract):
    record = extract("ABUJA, 7 July 2024 (NAN) - The ECOWAS Authority of Heads of State and Government held its "
                     "Sixty-Fifth (65 TH) Ordinary Session in Abuja on 7 July 2024.\n")
    assert [(m.kind, m.body.name) for m in record.meetings] == [("summit", "Authority of Heads of State and Government")]


def test_an_organisation_s_summit_is_its_body_named_a_summit_of_several_where_leaders_meet(extract):
    summit = only_meeting(extract("VICTORIA FALLS, 17 August 2014 (New Ziana) - The 34th SADC Summit was held in "
                                  "Victoria Falls on Sunday.\n"), "summit")
    assert summit.body is not None and summit.body.name == "Summit of Heads of State and Government"


def test_remarks_following_a_body_tell_that_it_met(extract):
    record = extract("Remarks by the High Representative following the Foreign Affairs Council\n\n"
                     "Bruxelles, 22/06/2015 - 00:00\n\nToday we had an important set of conclusions adopted.\n")
    session = only_meeting(record, "session")
    assert (session.org.name, session.body.name) == ("EU", "Foreign Affairs Council")
    assert session.location is not None and session.location.name == "Bruxelles"


def test_an_organisation_told_as_held_is_its_leaders_summit(extract):
    summit = only_meeting(extract("SUVA, 14 July 2022 (Fiji Times) - The Fifty-First (51st) Pacific Islands Forum was "
                                  "held in Suva, Fiji from 11 to 14 July 2022.\n"), "summit")
    assert (summit.org.name, summit.body.name, summit.date) == ("PIF", "Pacific Islands Forum Leaders Meeting", "2022-07-11")


def test_an_organisation_a_held_body_is_of_is_no_gathering_of_its_own(extract):
    record = extract("DUSHANBE, 8 June 2023 (Khovar) - A meeting of the Council of Heads of Government of the "
                     "Commonwealth of Independent States (CIS) was held in Dushanbe on Thursday.\n")
    assert [m.body.name for m in record.meetings] == ["Council of Heads of Government"]


def test_an_organisation_s_heads_of_state_and_government_summit_is_its_summit(extract):
    summit = only_meeting(extract("ADDIS ABABA, 28 January 2018 (ENA) - The 30th African Union (AU) heads of state and "
                                  "government summit opens in Addis Ababa, Ethiopia on Sunday.\n"), "summit")
    assert (summit.org.name, summit.body.name) == ("AU", "Assembly of the African Union")
