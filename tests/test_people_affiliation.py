"""Who acts for which state or organisation when the title does not say:
the report's own state, a visitor's state, a list's states, people.toml."""
from __future__ import annotations

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


def test_a_visitor_with_an_unqualified_title_is_not_of_the_state_visited(extract):
    text = ("KATHMANDU, June 2 -- Foreign Secretary Tom Pellew met Nepal's Foreign Minister Arzu Rana Deuba "
            "on Monday and discussed trade. Pellew paid an official visit to Nepal at the invitation of "
            "the Nepali government. He conveyed greetings from the leadership in Britain.")
    record = extract(text)
    pellew = next(p for m in record.meetings for p in m.participants if p.name == "Tom Pellew")
    assert pellew.country == "GBR"
    deuba = next(p for m in record.meetings for p in m.participants if p.name == "Arzu Rana Deuba")
    assert deuba.country == "NPL"


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


def test_people_after_a_state_s_side_act_for_it(extract):
    text = ("ASTANA, May 3 (Kazinform) -- President Kassym-Jomart Tokayev held talks with President Shavkat "
            "Mirziyoyev of Uzbekistan. On the Uzbek side, the talks were attended by Foreign Minister Bakhtiyor "
            "Saidov, while on the Kazakh side Foreign Minister Murat Nurtleu took part.")
    record = extract(text)
    assert _participant(record, "Bakhtiyor Saidov").country == "UZB"
    assert _participant(record, "Murat Nurtleu").country == "KAZ"


def test_people_listed_for_a_state_act_for_it(extract):
    text = ("BOGOTA, Nov 8 -- President Ivan Duque held talks with President Luis Arce of Bolivia. Also attending "
            "were Foreign Minister Claudia Blum; and for Bolivia, the Minister of Foreign Affairs, Rogelio Mayta, "
            "and the Minister of the Presidency, Maria Nela Prada.")
    record = extract(text)
    assert _participant(record, "Claudia Blum").country == "COL"
    assert _participant(record, "Rogelio Mayta").country == "BOL"



def test_a_visitor_told_in_a_who_clause(extract):
    text = ("HANOI, May 9 -- Prime Minister Tran Van Minh welcomed his guest at the Presidential Palace. "
            "Earlier in the day, Prime Minister Sok Vanna, who travelled to Vietnam yesterday for a two-day visit, "
            "held talks with Tran Van Minh. Cambodia and Vietnam signed three agreements; Cambodia hopes for more.")
    record = extract(text)
    assert _participant(record, "Sok Vanna").country == "KHM"
    assert _participant(record, "Tran Van Minh").country == "VNM"


def test_a_known_office_holder_written_family_name_first(extract):
    text = ("On February 20, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, held talks with Mr. Bakhtiyor "
            "Saidov, Minister of Foreign Affairs of the Republic of Uzbekistan, in Uzbekistan.")
    record = extract(text)
    assert _participant(record, "KAMIKAWA Yoko").country == "JPN"



def test_a_person_without_a_title_acts_for_the_report_s_state(extract):
    text = ("MINSK, 20.05.2021 (BelTA) - Pavel Utyupin held talks with Ara Ayvazyan, Foreign Minister of Armenia, "
            "in Minsk on Thursday.")
    record = extract(text)
    assert _participant(record, "Pavel Utyupin").country == "BLR"
    assert _participant(record, "Ara Ayvazyan").country == "ARM"


def test_an_ambassador_without_a_state_is_of_the_other_state_named(extract):
    text = ("ISLAMABAD, Sep 15 (APP): Prime Minister Imran Qadir on Friday received Ambassador Jonathan Reed, "
            "who called on him at the PM Office. They discussed relations between Pakistan and the United States, "
            "and the United States' role in the region.")
    record = extract(text)
    assert _participant(record, "Jonathan Reed").country == "USA"
    assert _participant(record, "Imran Qadir").country == "PAK"


def test_the_visiting_minister_is_not_of_the_host_state(extract):
    record = extract("ANKARA, May 3 -- Foreign Minister Hakan Fidan received the visiting Foreign Minister "
                     "Tom Pellew on Monday. Britain and Turkey signed a deal.")
    assert _participant(record, "Tom Pellew").country == "GBR"
    assert _participant(record, "Hakan Fidan").country == "TUR"


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


def test_the_one_meeting_an_official_of_the_host_state_is_the_guest(extract):
    record = extract("KATHMANDU, Aug 12 (RSS) -- Foreign Secretary Vikram Rao met with Nepal's Foreign Minister "
                     "Arzu Deuba on Monday. India and Nepal agreed to expand cooperation.")
    assert _participant(record, "Arzu Deuba").country == "NPL"
    assert _participant(record, "Vikram Rao").country == "IND"
