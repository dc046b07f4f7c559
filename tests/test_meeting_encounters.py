"""Verbs of encounter beyond "met": they state talks, and tell of one already stated."""
from __future__ import annotations

from conftest import meetings_of, participant_names

EXCHANGED = """\
BRASILIA, 12 March 2025 (Agência Brasil) – Brazilian Foreign Minister Mauro Vieira exchanged views with his Indian counterpart Subrahmanyam Jaishankar on Tuesday at the Itamaraty Palace.
"""

TOLD_TWICE = """\
ASTANA, 12 March 2025 (Kazinform) – Kazakh Foreign Minister Murat Nurtleu met with Hungarian Foreign Minister Peter Szijjarto on Tuesday.
The two sides exchanged views on energy transit. Nurtleu also conferred with Szijjarto on the schedule of flights between the capitals.
"""

DISCUSSED_WITH_TWO = """\
ADDIS ABABA, 12 March 2025 (ENA) – Prime Minister Abiy Ahmed has discussed with Kenyan President William Ruto and President of Ghana John Mahama on regional issues.
"""


def test_exchanged_views_with_states_talks(extract):
    talks = meetings_of(extract(EXCHANGED), "talks")
    assert len(talks) == 1
    assert participant_names(talks[0]) == {"Mauro Vieira", "Subrahmanyam Jaishankar"}
    assert talks[0].date == "2025-03-11"


def test_an_encounter_of_people_who_met_already_is_that_meeting(extract):
    record = extract(TOLD_TWICE)
    assert len(record.meetings) == 1
    assert participant_names(record.meetings[0]) == {"Murat Nurtleu", "Peter Szijjarto"}


def test_discussed_with_two_leaders_is_two_talks(extract):
    talks = meetings_of(extract(DISCUSSED_WITH_TWO), "talks")
    assert sorted(sorted(participant_names(t)) for t in talks) == [
        ["Abiy Ahmed", "John Mahama"], ["Abiy Ahmed", "William Ruto"]]

HIS_MEETING = """\
NEW DELHI, 12 March 2025 (PTI) – Indian External Affairs Minister S. Jaishankar arrived in Beijing on Monday.
In his meeting with Chinese Foreign Minister Wang Yi, he raised the situation on the border.
"""


def test_his_meeting_with_is_the_meeting_of_the_one_named_before(extract):
    talks = meetings_of(extract(HIS_MEETING), "talks")
    assert len(talks) == 1
    assert participant_names(talks[0]) == {"S. Jaishankar", "Wang Yi"}

JOINT = """\
ABU DHABI, 3 May 2025 (WAM) – Sheikh Abdullah bin Zayed Al Nahyan, Minister of Foreign Affairs, and Prince Faisal bin Farhan, Foreign Minister of Saudi Arabia, reviewed the relations between the two countries.
"""

JOINT_IN_A_CALL = """\
MOSCOW, 3 May 2025 (TASS) – Russian President Vladimir Putin and Kazakh President Kassym-Jomart Tokayev discussed the floods in a telephone conversation on Thursday.
"""


def test_two_sides_named_together_doing_something_together_met(extract):
    talks = meetings_of(extract(JOINT), "talks")
    assert len(talks) == 1
    assert participant_names(talks[0]) == {"Abdullah bin Zayed Al Nahyan", "Faisal bin Farhan"}


def test_a_joint_verb_with_its_object_then_a_partner_of_another_side_met_him(extract):
    record = extract("BUENOS AIRES, 5 July 2022 (Telam) - Argentine Foreign Minister Santiago Cafiero discussed "
                     "the trade agenda with Uruguayan Foreign Minister Francisco Bustillo in Montevideo on Monday.\n")
    talks = meetings_of(record, "talks")
    assert len(talks) == 1
    assert participant_names(talks[0]) == {"Santiago Cafiero", "Francisco Bustillo"}
    assert talks[0].date == "2022-07-04"


def test_a_joint_verb_with_a_partner_of_the_same_side_states_nothing(extract):
    record = extract("BUENOS AIRES, 5 July 2022 (Telam) - Argentine Foreign Minister Santiago Cafiero discussed "
                     "the trade agenda with Argentine Economy Minister Sergio Massa on Monday.\n")
    assert record.meetings == []


def test_a_joint_verb_beside_another_meeting_word_is_that_meeting(extract):
    record = extract(JOINT_IN_A_CALL)
    assert [m.kind for m in record.meetings] == ["call"]

COUNTED = """\
VIENTIANE, 26 July 2025 (KPL) – On the sidelines, Foreign Minister Thongsavanh Phomvihane held bilateral meetings with several dialogue partners to discuss cooperation.
"""

TITLED = """\
NOUAKCHOTT, 16 March 2025 (AMI) – The minister thanked Saudi Arabia, President of the 15th Session of the Islamic Summit, for its support.
"""


def test_meetings_counted_without_partners_named_are_no_record(extract):
    assert extract(COUNTED).meetings == []


def test_a_meeting_word_inside_a_title_is_no_meeting(extract):
    assert extract(TITLED).meetings == []

RECALLED = """\
PHNOM PENH, 5 August 2022 (Yonhap) – South Korean Foreign Minister Park Jin met on Friday with his Russian counterpart, Sergey Lavrov.
It was their second meeting. They met each other in Bali last month, where the G20 foreign ministers' meeting took place.
"""


def test_a_meeting_told_as_last_month_is_another_earlier_one(extract):
    talks = meetings_of(extract(RECALLED), "talks")
    assert sorted(t.location.name for t in talks) == ["Bali", "Phnom Penh"]

HELD_AMONG = """\
NAYPYITAW, 10 August 2014 (Kyodo) – Japanese Foreign Minister Fumio Kishida held informal talks with North Korean Foreign Minister Ri Su Yong on Sunday.
Talks were also held among Kishida, South Korean Foreign Minister Yun Byung Se and US Secretary of State John Kerry.
"""


def test_talks_held_among_others_are_talks_of_their_own(extract):
    talks = meetings_of(extract(HELD_AMONG), "talks")
    assert sorted(sorted(participant_names(t)) for t in talks) == [
        ["Fumio Kishida", "John Kerry", "Yun Byung Se"], ["Fumio Kishida", "Ri Su Yong"]]

GERUND = """\
MANILA, 1 July 2022 (PNA) – In a post, President Ferdinand Marcos Jr. said it was a great pleasure meeting Chinese Vice President Wang Qishan and Japanese Foreign Minister Yoshimasa Hayashi on the day of his inauguration.
"""


def test_meeting_as_a_verb_names_its_partners_and_the_speaker_met_them(extract):
    record = extract(GERUND)
    assert sorted(sorted(participant_names(m)) for m in record.meetings) == [
        ["Ferdinand Marcos Jr", "Wang Qishan"], ["Ferdinand Marcos Jr", "Yoshimasa Hayashi"]]

RECEIPT = """\
KUALA LUMPUR, 3 January 2024 (Bernama) – Sultan Ibrahim, the King of Malaysia, today received the official reply from the Sultan of Brunei Sultan Hassanal Bolkiah, confirming his attendance at the installation ceremony.
"""


def test_a_thing_received_is_no_reception(extract):
    assert meetings_of(extract(RECEIPT), "reception") == []


def test_two_sides_who_held_discussions_held_talks(extract):
    record = extract("GEORGETOWN, 14 December 2023 (GINA) - Irfaan Ali, President of Guyana, and Nicolas Maduro, "
                     "President of Venezuela, held discussions in Argyle on Thursday.\n")
    talks = meetings_of(record, "talks")
    assert len(talks) == 1 and participant_names(talks[0]) == {"Irfaan Ali", "Nicolas Maduro"}


def test_an_envoy_who_presented_credentials_was_received_by_the_one_he_presented_them_to(extract):
    record = extract("NEW DELHI, 5 March 2014 (PTI) - Swiss Ambassador Alexandre Ziegler presented his credentials to "
                     "President Pranab Mukherjee on Wednesday.\n")
    reception = meetings_of(record, "reception")
    assert len(reception) == 1 and reception[0].chair == "Pranab Mukherjee"
    assert participant_names(reception[0]) == {"Alexandre Ziegler", "Pranab Mukherjee"}


def test_a_guest_welcomed_to_a_place_was_received_but_a_visit_welcomed_was_not(extract):
    record = extract("BRUSSELS, 5 April 2023 (NATO) - NATO Secretary General Jens Stoltenberg welcomed US Secretary "
                     "of State Antony Blinken to the NATO Headquarters on Wednesday.\n")
    assert [(m.kind, m.chair) for m in record.meetings] == [("reception", "Jens Stoltenberg")]
    record = extract("BRUSSELS, 5 April 2023 (NATO) - NATO Secretary General Jens Stoltenberg welcomed Secretary "
                     "Antony Blinken's visit to Belgium, he said on Wednesday.\n")
    assert meetings_of(record, "reception") == []
