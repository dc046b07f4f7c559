"""Stage 7: what meetings adopted, approved or signed."""
from __future__ import annotations

import pytest

from communique.adopted import find_adopted
from communique.text import Document
from conftest import only_meeting


@pytest.fixture(scope="module")
def adopted(gz):
    def run(text: str):
        items = find_adopted(Document.from_text(text), gz)
        for item in items:
            assert text[item.start:item.end] == item.subject
            assert item.evidence.start <= item.start and item.end <= item.evidence.end
        return [(i.kind, i.subject) for i in items]
    return run


def test_statements_on_a_list_of_subjects(adopted):
    assert adopted("Following the session, statements were adopted on the situation in Afghanistan, on countering "
                   "drug trafficking, as well as on cybersecurity.") == [
        ("statement", "situation in Afghanistan"),
        ("statement", "countering drug trafficking"),
        ("statement", "cybersecurity"),
    ]


def test_decision_and_plan_considered_and_adopted(adopted):
    assert adopted("The decision on the budget of the Organization for 2022 and the plan of consultations for "
                   "2022-2023 were also considered and adopted.") == [
        ("decision", "budget of the Organization for 2022"),
        ("plan", "consultations for 2022-2023"),
    ]


def test_signed_protocol(adopted):
    found = adopted("The ministers signed the Protocol amending the Agreement on the Secretariat of the Council.")
    assert len(found) == 1
    kind, subject = found[0]
    assert kind == "protocol"
    assert subject.startswith("amending the Agreement")
    assert "Secretariat of the Council" in subject


def test_approved_programme(adopted):
    found = adopted("The ministers approved the Programme of cooperation in the field of information security "
                    "for 2022-2024.")
    assert found == [("programme", "cooperation in the field of information security for 2022-2024")]


def test_decisions_without_a_subject_are_nothing(adopted):
    assert adopted("Following the meeting, relevant decisions were approved and signed.") == []


def test_general_line_then_in_particular_is_counted_once(adopted):
    found = adopted("The ministers adopted a number of statements. In particular, statements were adopted on the "
                    "anniversary of the Organization and on the fight against terrorism.")
    assert found == [("statement", "anniversary of the Organization"), ("statement", "fight against terrorism")]


def test_memorandum_of_understanding(adopted):
    assert adopted("The parties signed a memorandum of understanding on cooperation in tourism.") == [
        ("memorandum", "cooperation in tourism")]


def test_joint_statement(adopted):
    assert adopted("The sides adopted a joint statement on regional security.") == [
        ("statement", "regional security")]


def test_sentence_without_an_adoption_verb_adopts_nothing(adopted):
    assert adopted("The ministers discussed the draft statement on climate and the plan of consultations.") == []


def test_same_document_told_twice_is_one(adopted):
    found = adopted("The sides adopted a joint statement on regional security. Later the sides adopted a joint "
                    "statement on regional security.")
    assert found == [("statement", "regional security")]


REPORT = """\
TASHKENT, 20.05.2021 (UzA) - Yesterday, a session of the Council of Foreign Ministers of the Shanghai Cooperation Organisation was held in Tashkent under the chairmanship of the Minister of Foreign Affairs of Uzbekistan Abdulaziz Kamilov.
The session was attended by the foreign ministers of Kazakhstan Mukhtar Tileuberdi, Russia Sergey Lavrov and Tajikistan Sirojiddin Mukhriddin.
The ministers adopted a number of statements. In particular, statements were adopted on the anniversary of the Organization and on the fight against terrorism.
The ministers also approved the Programme of cooperation in the field of information security for 2022-2024.
"""


def test_adopted_documents_belong_to_the_session(extract):
    record = extract(REPORT)
    session = only_meeting(record, "session")
    assert [(a.kind, a.subject) for a in session.adopted] == [
        ("statement", "anniversary of the Organization"),
        ("statement", "fight against terrorism"),
        ("programme", "cooperation in the field of information security for 2022-2024"),
    ]
    for a in session.adopted:
        for e in a.evidence:
            assert REPORT[e.start:e.end] == e.text
            assert a.subject in e.text


def test_adoption_goes_to_the_meeting_stated_before_it(extract):
    text = ("BAKU, 20.05.2021 (AZERTAC) - Azerbaijani Foreign Minister Jeyhun Bayramov held talks with Georgian "
            "Foreign Minister David Zalkaliani in Baku on Wednesday.\n"
            "Later, the ministers were received by President of Azerbaijan Ilham Aliyev.\n"
            "Following the talks, the ministers signed a memorandum of understanding on cooperation in tourism.\n")
    record = extract(text)
    kinds = [m.kind for m in record.meetings]
    assert "talks" in kinds
    owners = [m for m in record.meetings if m.adopted]
    assert len(owners) == 1
    assert owners[0].kind == "talks"
    assert [(a.kind, a.subject) for a in owners[0].adopted] == [("memorandum", "cooperation in tourism")]


def test_a_which_clause_ends_the_subject(adopted):
    assert adopted("The Council adopted a communique on the crisis in the Sahel, in which it urged a return "
                   "to constitutional order.") == [("communique", "crisis in the Sahel")]


def test_draft_revised_and_press_documents(adopted):
    assert adopted("The ministers adopted the draft agenda of the summit.") == [("agenda", "summit")]
    assert adopted("They adopted a joint press statement on maritime safety.") == [("statement", "maritime safety")]


def test_a_second_document_named_with_its_organisation(adopted):
    found = adopted("The Council approved the revised action plan for 2025-2030 and the ECOWAS budget for the "
                    "2025 financial year.")
    assert [kind for kind, _ in found] == ["plan", "other"]
    assert found[1][1].endswith("2025 financial year")


def test_a_document_named_by_its_name_is_about_what_its_name_says(adopted):
    text = ("The leaders signed the Santiago Declaration and the Southern Cone Energy (SCE) Declaration, "
            "and adopted by acclamation a declaration on the protection of migrant workers.")
    assert adopted(text) == [("declaration", "Santiago Declaration"),
                             ("declaration", "Southern Cone Energy (SCE) Declaration"),
                             ("declaration", "protection of migrant workers")]


def test_an_anniversary_of_a_signing_is_no_adoption(adopted):
    assert adopted("The ministers marked the 30th anniversary of the signing of the Tashkent Treaty.") == []


def test_a_meeting_that_ended_with_an_adoption(adopted):
    text = "The session concluded with the adoption of a resolution on the financing of peacekeeping."
    assert adopted(text) == [("resolution", "financing of peacekeeping")]


def test_vague_documents_signed_at_a_meeting_have_no_subject(adopted):
    assert adopted("The presidents signed other agreements at the end of the summit.") == []


def test_statements_by_their_authors_on_a_list_reportedly_adopted(adopted):
    text = ("Statements by the foreign ministers on the security of transport corridors, "
            "and on cooperation in the field of youth policy were reportedly adopted.")
    assert adopted(text) == [("statement", "security of transport corridors"),
                             ("statement", "cooperation in the field of youth policy")]



def test_a_named_document_in_the_passive_and_a_comma_list_of_documents(extract):
    record = extract("DUSHANBE, 10 October 2025 (TASS) – The CIS heads of state held a summit in Dushanbe on Friday with "
                     "President Vladimir Putin and President Emomali Rahmon. The Dushanbe Declaration was adopted. They "
                     "also adopted the concept of military cooperation until 2030, a cooperation programme on border "
                     "security, and a cooperation programme on information security.\n")
    summit = record.meetings[0]
    assert (summit.kind, summit.org.name) == ("summit", "CIS")
    assert sorted((a.kind, a.subject) for a in summit.adopted) == [
        ("declaration", "Dushanbe Declaration"), ("other", "military cooperation until 2030"),
        ("programme", "border security"), ("programme", "information security")]


@pytest.mark.parametrize("sentence", [
    "The Kampala Declaration was released by the Secretariat at the close of the session.",
    "The ministers released the Kampala Declaration at the close of the session.",
])
def test_a_named_document_released_at_a_meeting_is_adopted(adopted, sentence):
    assert adopted(sentence) == [("declaration", "Kampala Declaration")]


def test_a_named_document_the_meeting_spoke_through_is_adopted(adopted):
    assert adopted("Through a Final Communique, the regional leaders called for calm in the region.") == [
        ("communique", "Final Communique")]
    assert adopted("In a statement, the leaders called for calm.") == []  # no document named


def test_documents_named_in_quotes_are_adopted_by_their_names(adopted):
    assert adopted('The leaders adopted the new "Rules of Procedure of the Council" and endorsed the '
                   '"Strategy for 2022-2026".') == [("other", "Rules of Procedure of the Council"),
                                                   ("other", "Strategy for 2022-2026")]
