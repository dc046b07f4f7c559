"""Who acts for which state or organisation when the title does not say:
the report's own state, a visitor's state, a list's states, people.toml."""
from __future__ import annotations

import pytest

from conftest import find_person


def test_without_a_dateline_an_untitled_minister_is_of_the_first_person_s_state(extract):
    text = ("Chancellor meets Kenyan leader\n\n"
            "Federal Chancellor Olaf Scholz on Tuesday hosted President William Ruto of Kenya for talks on trade. "
            "Economy Minister Robert Habeck also attended the talks, which were held at the Chancellery; "
            "Kenya and Kenyan exporters were the talk of the day in Kenya.")
    record = extract(text)
    assert find_person(record, "Robert Habeck").roles[0].role == "minister"
    habeck = next(p for m in record.meetings for p in m.participants if p.name == "Robert Habeck")
    assert habeck.country == "DEU"


def test_a_titled_surname_of_one_known_office_holder_takes_his_state(extract):
    text = ("The two leaders talked briefly on the sidelines of the summit in Da Nang, Vietnam, on Saturday. "
            "President Duterte met Vietnamese officials later in Vietnam.")
    record = extract(text)
    duterte = find_person(record, "Duterte")
    assert duterte.name == "Duterte"
    held = next(p for m in record.meetings for p in m.participants if p.name == "Duterte")
    assert held.country == "PHL"


def test_a_titled_one_word_name_is_not_merged_into_another_name_of_that_office(extract):
    text = ("NEW DELHI, June 22 -- Prime Minister Sheikh Nurjahan was given a warm welcome by her Indian "
            "counterpart Narendra Modi at Hyderabad House, where the two leaders held talks.")
    record = extract(text)
    assert {p.name for p in record.people} >= {"Nurjahan", "Narendra Modi"}
    assert find_person(record, "Modi").names == ["Narendra Modi"]


def test_a_one_word_name_in_a_headline_that_names_nobody_is_no_person(extract):
    text = ("Defence Ministers Issue Joint Statement After Talks\n\n"
            "CANBERRA, July 2 (AAP) -- Defence Minister Richard Marles held talks with his New Zealand "
            "counterpart Judith Collins in Canberra on Tuesday.")
    record = extract(text)
    assert {p.name for p in record.people} == {"Richard Marles", "Judith Collins"}


def _participant(record, name):
    return next(p for m in record.meetings for p in m.participants if p.name == name)


def test_a_known_office_holder_written_family_name_first(extract):
    text = ("On February 20, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, held talks with Mr. Bakhtiyor "
            "Saidov, Minister of Foreign Affairs of the Republic of Uzbekistan, in Uzbekistan.")
    record = extract(text)
    assert _participant(record, "KAMIKAWA Yoko").country == "JPN"


def test_a_bare_surname_of_one_known_office_holder_is_that_person(extract):
    text = ("BEIJING, Dec. 20 (Xinhua) -- Chinese President Xi Jinping met with visiting Russian Prime Minister "
            "Mikhail Mishustin in Beijing on Wednesday. Xi asked Mishustin to convey his greetings to Putin, "
            "whom he had met in October.")
    record = extract(text)
    putin = find_person(record, "Putin")
    assert putin.name == "Putin"
    assert any(r for r in record.people if r.name == "Putin")


def test_a_president_elect_known_by_surname_acts_for_his_state(extract):
    text = ("MANILA, Dec 3 -- In a phone call in December, President Rodrigo Duterte congratulated "
            "President-elect Trump on his win.")
    record = extract(text)
    trump = _participant(record, "Trump")
    assert (trump.role, trump.country) == ("other", "USA")


@pytest.mark.parametrize("text, states", [
    pytest.param(
        "ASTANA, May 3 (Kazinform) -- President Kassym-Jomart Tokayev held talks with President Shavkat "
        "Mirziyoyev of Uzbekistan. On the Uzbek side, the talks were attended by Foreign Minister Bakhtiyor "
        "Saidov, while on the Kazakh side Foreign Minister Murat Nurtleu took part.",
        {"Bakhtiyor Saidov": "UZB", "Murat Nurtleu": "KAZ"}, id="people_after_a_state_s_side_act_for_it"),
    pytest.param(
        "BOGOTA, Nov 8 -- President Ivan Duque held talks with President Luis Arce of Bolivia. Also attending "
        "were Foreign Minister Claudia Blum; and for Bolivia, the Minister of Foreign Affairs, Rogelio Mayta, "
        "and the Minister of the Presidency, Maria Nela Prada.",
        {"Claudia Blum": "COL", "Rogelio Mayta": "BOL"}, id="people_listed_for_a_state_act_for_it"),
    pytest.param(
        "HANOI, May 9 -- Prime Minister Tran Van Minh welcomed his guest at the Presidential Palace. "
        "Earlier in the day, Prime Minister Sok Vanna, who travelled to Vietnam yesterday for a two-day visit, "
        "held talks with Tran Van Minh. Cambodia and Vietnam signed three agreements; Cambodia hopes for more.",
        {"Sok Vanna": "KHM", "Tran Van Minh": "VNM"}, id="a_visitor_told_in_a_who_clause"),
    pytest.param(
        "MINSK, 20.05.2021 (BelTA) - Pavel Utyupin held talks with Ara Ayvazyan, Foreign Minister of Armenia, "
        "in Minsk on Thursday.",
        {"Pavel Utyupin": "BLR", "Ara Ayvazyan": "ARM"}, id="a_person_without_a_title_acts_for_the_report_s_state"),
    pytest.param(
        "ISLAMABAD, Sep 15 (APP): Prime Minister Imran Qadir on Friday received Ambassador Jonathan Reed, "
        "who called on him at the PM Office. They discussed relations between Pakistan and the United States, "
        "and the United States' role in the region.",
        {"Jonathan Reed": "USA", "Imran Qadir": "PAK"}, id="an_ambassador_without_a_state_is_of_the_other_state_named"),
    pytest.param(
        "ANKARA, May 3 -- Foreign Minister Hakan Fidan received the visiting Foreign Minister "
        "Tom Pellew on Monday. Britain and Turkey signed a deal.",
        {"Tom Pellew": "GBR", "Hakan Fidan": "TUR"}, id="the_visiting_minister_is_not_of_the_host_state"),
    pytest.param(
        "KATHMANDU, Aug 12 (RSS) -- Foreign Secretary Vikram Rao met with Nepal's Foreign Minister "
        "Arzu Deuba on Monday. India and Nepal agreed to expand cooperation.",
        {"Arzu Deuba": "NPL", "Vikram Rao": "IND"}, id="the_one_meeting_an_official_of_the_host_state_is_the_guest"),
    pytest.param(
        "KATHMANDU, June 2 -- Foreign Secretary Tom Pellew met Nepal's Foreign Minister Arzu Rana Deuba "
        "on Monday and discussed trade. Pellew paid an official visit to Nepal at the invitation of "
        "the Nepali government. He conveyed greetings from the leadership in Britain.",
        {"Tom Pellew": "GBR", "Arzu Rana Deuba": "NPL"}, id="a_visitor_with_an_unqualified_title_is_not_of_the_state_visited"),
])
def test_who_acts_for_which_state(extract, text, states):
    record = extract(text)
    assert {name: _participant(record, name).country for name in states} == states


def test_a_state_s_one_holder_of_an_office_named_leaves_another_holder_to_the_other_state(extract):
    # India's foreign minister is named: the untitled "Minister of Foreign Affairs" is the Maldives'
    record = extract("NEW DELHI, 28 March 2022 (PTI) - Foreign Minister S. Jaishankar of India returned on Monday. "
                     "On Sunday he held talks with the Minister of Foreign Affairs Abdulla Shahid on projects in the "
                     "Maldives.")
    shahid = next(p for m in record.meetings for p in m.participants if p.name == "Abdulla Shahid")
    assert (shahid.role, shahid.country) == ("foreign_minister", "MDV")


def test_without_a_dateline_an_ambassador_s_posting_is_the_report_s_state(extract):
    record = extract("US envoy calls on minister\n\nUS Ambassador in Dhaka John Miller paid a courtesy call on "
                     "Agriculture Minister Abdul Karim at his office on Monday. The United States and the United "
                     "States Agency for International Development were praised.\n")
    karim = next(p for m in record.meetings for p in m.participants if p.name == "Abdul Karim")
    assert karim.country == "BGD"
