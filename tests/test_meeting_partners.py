"""Partners told together are one meeting each, unless the text says they met together."""
from __future__ import annotations

import pytest

from conftest import meetings_of, participant_names

RECEIVED_LIST = """\
HANOI, 4 March 2025 (VNA) – On Tuesday, President of Viet Nam Luong Cuong received Ambassador of Chile to Viet Nam Marcela Vargas, Ambassador of Ghana Kwame Mensah and Ambassador of Norway to Viet Nam Hilde Solbakken, who presented their credentials.
"""

RECEIVED_GROUP = """\
ASTANA, 4 March 2025 (Kazinform) – President Kassym-Jomart Tokayev received the foreign ministers of the member states of the Shanghai Cooperation Organisation, among them Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi.
"""

TRILATERAL = """\
TOKYO, 4 March 2025 (Kyodo) – Japanese Foreign Minister Takeshi Iwaya held trilateral talks with US Secretary of State Marco Rubio and South Korean Foreign Minister Cho Tae-yul on Tuesday.
"""


def test_a_host_receiving_a_list_of_envoys_holds_one_reception_each(extract):
    receptions = meetings_of(extract(RECEIVED_LIST), "reception")
    assert len(receptions) == 3
    for r in receptions:
        assert r.chair == "Luong Cuong"
        assert len(participant_names(r)) == 2
    guests = {name for r in receptions for name in participant_names(r)} - {"Luong Cuong"}
    assert guests == {"Marcela Vargas", "Kwame Mensah", "Hilde Solbakken"}


def test_a_group_received_together_stays_one_reception(extract):
    receptions = meetings_of(extract(RECEIVED_GROUP), "reception")
    assert len(receptions) == 1


def test_talks_the_text_calls_trilateral_stay_one(extract):
    talks = meetings_of(extract(TRILATERAL), "talks")
    assert len(talks) == 1
    assert participant_names(talks[0]) >= {"Takeshi Iwaya", "Marco Rubio", "Cho Tae-yul"}

CALLED_ON_TWO = """\
KATHMANDU, 4 March 2025 (RSS) – Indian Foreign Secretary Vikram Misri called on President Ramchandra Paudel and Prime Minister Sher Bahadur Deuba on Sunday.
"""

MET_TWO_OF_ONE_STATE = """\
WASHINGTON, 4 March 2025 – NATO Secretary General Mark Rutte met with US Secretary of State Marco Rubio and Secretary of Defense Pete Hegseth on Tuesday.
"""


def test_a_visitor_calling_on_two_hosts_is_received_by_each(extract):
    receptions = meetings_of(extract(CALLED_ON_TWO), "reception")
    assert sorted(r.chair for r in receptions) == ["Ramchandra Paudel", "Sher Bahadur Deuba"]
    assert all("Vikram Misri" in participant_names(r) for r in receptions)


def test_two_partners_of_one_state_met_one_by_one(extract):
    record = extract(MET_TWO_OF_ONE_STATE)
    assert sorted(sorted(participant_names(m)) for m in record.meetings) == [
        ["Marco Rubio", "Mark Rutte"], ["Mark Rutte", "Pete Hegseth"]]

GUEST_AS_SUBJECT = """\
ALGIERS, 25 August 2025 (APS) – French Foreign Minister Jean-Noel Barrot arrived in Algiers on Thursday. He was received by Algerian President Abdelmadjid Tebboune and Foreign Minister Ahmed Attaf at El Mouradia Palace in Algiers.
"""


def test_the_host_of_a_reception_is_the_one_at_home(extract):
    reception = meetings_of(extract(GUEST_AS_SUBJECT), "reception")[0]
    assert reception.chair == "Abdelmadjid Tebboune"

READOUT = """\
Secretary Rubio's Meeting with Polish Foreign Minister Sikorski

The following is attributable to Spokesperson Tammy Bruce:

Secretary of State Marco Rubio met today with Polish Foreign Minister Radoslaw Sikorski in Brussels.
"""


def test_a_spokesperson_who_tells_of_a_meeting_is_not_in_it(extract):
    talks = meetings_of(extract(READOUT), "talks")
    assert len(talks) == 1
    assert participant_names(talks[0]) == {"Marco Rubio", "Radoslaw Sikorski"}

WHOSE_VISIT = """\
SEOUL, 5 March 2025 (Yonhap) – South Korean Foreign Minister Cho Tae-yul held talks with Chinese Foreign Minister Wang Yi on Monday, during which the two sides discussed Chinese President Xi Jinping's possible visit to South Korea.
"""


def test_the_owner_of_a_visit_only_spoken_of_is_not_in_the_talks(extract):
    talks = meetings_of(extract(WHOSE_VISIT), "talks")
    assert [participant_names(t) for t in talks] == [{"Cho Tae-yul", "Wang Yi"}]

TALKS_IN_A_CAPITAL = """\
ANKARA, 17 January 2025 (Anadolu) – Iranian Foreign Minister Abbas Araghchi held talks with Turkish Foreign Minister Hakan Fidan in Ankara on Friday.
"""


def test_talks_in_one_sides_capital_are_hosted_by_it(extract):
    talks = meetings_of(extract(TALKS_IN_A_CAPITAL), "talks")
    assert [t.chair for t in talks] == ["Hakan Fidan"]

CALLED_ON_MINISTERS = """\
KATHMANDU, 12 August 2024 (RSS) – Foreign Secretary Vikram Misri arrived on Sunday. The Foreign Secretary also called on Deputy Prime Minister Prakash Man Singh and Minister for Foreign Affairs Arzu Rana Deuba.
"""


def test_a_guest_calling_on_hosts_of_one_state_is_received_by_each(extract):
    receptions = meetings_of(extract(CALLED_ON_MINISTERS), "reception")
    assert sorted(r.chair for r in receptions) == ["Arzu Rana Deuba", "Prakash Man Singh"]

CALLED_ON_A_PEER = """\
BANGKOK, 24 February 2021 (TNA) – Myanmar Foreign Minister Wunna Maung Lwin called on Thai Foreign Minister Don Pramudwinai on Wednesday.
"""


def test_the_one_called_on_receives(extract):
    reception = meetings_of(extract(CALLED_ON_A_PEER), "reception")[0]
    assert reception.chair == "Don Pramudwinai"

CALLS_BY_MANY = """\
LILONGWE, 3 March 2023 (MANA) – Nine heads of diplomatic missions paid courtesy calls on Vice President Saulos Chilima on Friday.
The envoys also included Her Excellency Hilda Suka, Ambassador of Zimbabwe, Robert Scott, Ambassador of the United Kingdom, and Anurag Bhushan, High Commissioner of India.
"""


def test_courtesy_calls_by_many_on_one_host_read_without_error(extract):
    record = extract(CALLS_BY_MANY)
    assert record.meetings
    assert all(m.kind == "reception" for m in record.meetings)

ASIDE = """\
TOKYO, 11 December 2024 (Jiji Press) – Japanese Foreign Minister Takeshi Iwaya and his South Korean counterpart, Cho Tae-yul, held their first talks by telephone since South Korean President Yoon Suk-yeol declared martial law.
"""


def test_people_of_a_clause_that_tells_why_or_since_when_are_not_at_the_meeting(extract):
    [call] = extract(ASIDE).meetings
    assert participant_names(call) == {"Takeshi Iwaya", "Cho Tae-yul"}

STATE_FOR_CITY = """\
NAYPYITAW, Myanmar, 10 August 2014 (Kyodo) – Japanese Foreign Minister Fumio Kishida held talks with Chinese Foreign Minister Wang Yi in Myanmar this month.
"""


def test_talks_in_a_state_filed_from_its_city_that_month_are_in_the_city(extract):
    [talks] = meetings_of(extract(STATE_FOR_CITY), "talks")
    assert talks.location.name == "Naypyitaw"

WELCOMED_A_THING = """\
SOCHI, 4 March 2025 (TASS) – Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi in Sochi on Tuesday.
At the talks, Wang welcomed the progress in bilateral trade.
"""


def test_one_who_welcomes_a_thing_hosts_nobody(extract):
    [talks] = meetings_of(extract(WELCOMED_A_THING), "talks")
    assert talks.chair is None


def test_a_headline_meeting_takes_in_the_bodys_partners_and_they_are_split(extract):
    record = extract("Kyrgyz PM attends meeting of Council\n\n"
                     "Bishkek (AKIpress) - Chairman of the Cabinet of Ministers Adil Turgunbaev took part in the "
                     "meeting of the Council of the CIS Heads of Government in Moscow on December 13.\n\n"
                     "On the sidelines of the meeting, Turgunbaev held bilateral meetings with Belarusian Prime "
                     "Minister Pavel Lutsko, Kazakh Prime Minister Yerlan Saparov and Uzbek Prime Minister Jamshid "
                     "Karimov.\n")
    talks = [participant_names(m) for m in record.meetings if m.kind == "talks"]
    assert sorted(talks, key=sorted) == sorted([{"Adil Turgunbaev", "Pavel Lutsko"}, {"Adil Turgunbaev", "Yerlan Saparov"},
                                                {"Adil Turgunbaev", "Jamshid Karimov"}], key=sorted)


def test_a_plural_title_whose_holders_are_then_named_is_split_one_meeting_each(extract):
    record = extract("BISHKEK, Dec 13 (AKIpress) - Kyrgyz Foreign Minister Jeenbek Kulubaev held bilateral meetings "
                     "with the foreign ministers of Belarus, Kazakhstan and Uzbekistan, Sergei Aleinik, Murat "
                     "Nurtleu and Bakhtiyor Saidov respectively.\n")
    partners = sorted(sorted(participant_names(m) - {"Jeenbek Kulubaev"}) for m in meetings_of(record, "talks"))
    assert partners == [["Bakhtiyor Saidov"], ["Murat Nurtleu"], ["Sergei Aleinik"]]


def test_each_guest_split_from_a_list_is_hosted_in_the_hosts_capital(extract):
    record = extract("ASTANA, Dec 13 (Kazinform) - Foreign Minister Murat Nurtleu held bilateral meetings with the "
                     "foreign ministers of Belarus, Kyrgyzstan and Uzbekistan, Sergei Aleinik, Jeenbek Kulubaev and "
                     "Bakhtiyor Saidov respectively.\n")
    talks = meetings_of(record, "talks")
    assert len(talks) == 3 and all(m.chair == "Murat Nurtleu" for m in talks)


RECEIVED_ON_ARRIVAL_BY_MANY = """\
DOHA, 4 March 2025 (QNA) – President of Finland Alexander Stubb arrived in Doha on Tuesday. He was received upon his arrival by Minister of State for Foreign Affairs Mohammed Al-Khulaifi, Minister of Commerce Faisal bin Thani Al Thani and Ambassador of Finland to Qatar Pia Hanni.
"""


def test_a_guest_received_by_several_officials_is_one_reception_by_the_first(extract):
    receptions = meetings_of(extract(RECEIVED_ON_ARRIVAL_BY_MANY), "reception")
    assert len(receptions) == 1
    assert receptions[0].chair == "Mohammed Al-Khulaifi"
    assert {"Alexander Stubb", "Mohammed Al-Khulaifi", "Faisal bin Thani Al Thani"} <= set(participant_names(receptions[0]))


MINISTER_IN_A_DELEGATION = """\
TBILISI, 4 March 2025 – On Tuesday, Georgian Foreign Minister Maka Botchorishvili met with Armenian Foreign Minister Ararat Mirzoyan, who is in Tbilisi with the delegation headed by Prime Minister of Armenia Nikol Pashinyan, and with Azerbaijani Foreign Minister Jeyhun Bayramov.
"""


def test_an_official_told_beside_a_partner_is_at_that_partners_meeting(extract):
    record = extract(MINISTER_IN_A_DELEGATION)
    assert sorted(sorted(participant_names(m)) for m in record.meetings) == [
        ["Ararat Mirzoyan", "Maka Botchorishvili", "Nikol Pashinyan"], ["Jeyhun Bayramov", "Maka Botchorishvili"]]


@pytest.mark.parametrize("sentence", [
    "Foreign Minister Winston Peters met the foreign ministers of Singapore, Malaysia and Vietnam in Singapore on Friday.",
    "Foreign Minister Winston Peters held bilateral meetings with his counterparts from Singapore, Malaysia and Vietnam on Friday.",
    "Foreign Minister Winston Peters held separate phone calls with his Singaporean, Malaysian and Vietnamese counterparts on Friday.",
])
def test_partners_told_by_their_states_are_one_meeting_each(extract, sentence):
    record = extract(f"WELLINGTON, 4 August 2018 (RNZ) – {sentence}\n")
    assert len(record.meetings) == 3
    assert all(participant_names(m) == {"Winston Peters"} for m in record.meetings)


STATES_THEN_NAMES = """\
NEW YORK, 25 September 2023 (PTI) – External Affairs Minister S. Jaishankar held separate bilateral meetings with his counterparts from Mexico, Armenia and Ghana on Sunday. He said it was a pleasure to meet Mexican Foreign Secretary Alicia Barcena. He also met Armenian Foreign Minister Ararat Mirzoyan.
"""


def test_a_partner_told_by_state_then_named_is_one_meeting(extract):
    record = extract(STATES_THEN_NAMES)
    assert sorted(sorted(participant_names(m)) for m in record.meetings) == [
        ["Alicia Barcena", "S. Jaishankar"], ["Ararat Mirzoyan", "S. Jaishankar"], ["S. Jaishankar"]]


def test_states_of_both_sides_are_no_list_of_partners(extract):
    record = extract("NAYPYITAW, 9 August 2014 (Kyodo) – Foreign Minister Fumio Kishida held talks with Chinese Foreign "
                     "Minister Wang Yi on Saturday. It was the first meeting between the Japanese and Chinese foreign "
                     "ministers in two years.\n")
    assert len(record.meetings) == 1



def test_partners_told_by_their_states_and_organisations(extract):
    record = extract("HAMBURG, 8 July 2017 (TASS) – President Vladimir Putin held bilateral meetings on the sidelines of "
                     "the summit with the heads of the European Union, Japan and Turkey.\n")
    talks = [m for m in record.meetings if m.kind == "talks"]
    assert len(talks) == 3 and all(participant_names(m) == {"Vladimir Putin"} for m in talks)



def test_a_visit_that_frames_meetings_with_several_hosts_is_one_meeting_with_each(extract):
    record = extract("ULAANBAATAR, 16 Sept 2020 (Montsame) – The two-day visit paid by the Chinese Foreign Minister wrapped "
                     "up today after Minister Wang Yi held official bilateral meetings with President Battulga Khaltmaa, "
                     "Prime Minister Khurelsukh Ukhnaa and Foreign Minister of Mongolia Enkhtaivan Nyamtseren.\n")
    assert sorted((m.kind, m.chair) for m in record.meetings) == [
        ("reception", "Battulga Khaltmaa"), ("reception", "Khurelsukh Ukhnaa"), ("talks", "Enkhtaivan Nyamtseren")]



def test_ambassadors_accredited_one_by_one_are_received_each(extract):
    record = extract("LUANDA, 5 March 2020 (Angop) – Angolan President Joao Lourenco on Thursday accredited the ambassadors "
                     "of Uganda, Julius Katembeka, Vietnam, Do Minh Hung, and Brazil, Rafael Vidal.\n")
    assert [(m.kind, m.chair) for m in record.meetings] == [("reception", "Joao Lourenco")] * 3



def test_a_states_partner_named_in_a_later_sentence_joins_that_states_meeting(extract):
    record = extract("JAKARTA, 5 August 2017 (Antara) – Foreign Minister Retno Marsudi held bilateral meetings with her "
                     "counterparts from Papua New Guinea, Norway and China. With Norwegian Foreign Minister Borge Brende "
                     "she discussed palm oil, while with Chinese Foreign Minister Wang Yi she discussed trade.\n")
    assert sorted(sorted(participant_names(m)) for m in record.meetings) == [
        ["Borge Brende", "Retno Marsudi"], ["Retno Marsudi"], ["Retno Marsudi", "Wang Yi"]]


def test_a_group_received_then_named_one_by_one_in_the_next_sentence_is_received_one_by_one(extract):
    record = extract("BEIJING, 13 September 2017 (Xinhua) -- President Xi Jinping received the credentials presented "
                     "by three new ambassadors on Wednesday. The ambassadors are Karl Huber from Austria, Amadou Fall "
                     "from Senegal and Mikko Virtanen from Finland.\n")
    receptions = [m for m in record.meetings if m.kind == "reception"]
    assert sorted(sorted(p.name for p in m.participants) for m in receptions) == [
        ["Amadou Fall", "Xi Jinping"], ["Karl Huber", "Xi Jinping"], ["Mikko Virtanen", "Xi Jinping"]]
    assert {m.chair for m in receptions} == {"Xi Jinping"}


def test_a_group_said_to_do_something_names_no_partners(extract):
    record = extract("ULAANBAATAR, 5 July 2022 (Montsame) - Foreign Minister Batmunkh Battsetseg received Russian "
                     "Foreign Minister Sergei Lavrov. The top diplomats are likely to discuss trade and transport.\n")
    assert [sorted(p.name for p in m.participants) for m in record.meetings] == [["Batmunkh Battsetseg", "Sergei Lavrov"]]


def test_envoys_received_together_present_their_credentials_one_by_one(extract):
    record = extract("ACCRA, 4 May 2023 (GNA) - President Kofi Mensah on Thursday received the letters of credence "
                     "of three new envoys accredited to Ghana. The new envoys are:\n"
                     "- Her Excellency Ana Costa, Ambassador of the Republic of Portugal.\n"
                     "- His Excellency Pierre Laurent, High Commissioner of the Republic of Seychelles.\n"
                     "- His Excellency Idriss Mahamat, Ambassador of the Republic of Chad.\n")
    receptions = [m for m in record.meetings if m.kind == "reception"]
    assert sorted(sorted(p.name for p in m.participants) for m in receptions) == [
        ["Ana Costa", "Kofi Mensah"], ["Idriss Mahamat", "Kofi Mensah"], ["Kofi Mensah", "Pierre Laurent"]]


def test_visiting_ministers_who_called_on_a_host_then_listed_each_called_on_him(extract):
    # the cue of the future ("invited") is in the subject's relative clause, not the verb's
    record = extract("COLOMBO, 5 February 2023 (Daily News) - The visiting Foreign Ministers who were invited to "
                     "the celebration called on Foreign Minister Ali Sabry in Colombo on 3 February 2023. These "
                     "included Karma Dorji from Bhutan and Ibrahim Nasir from the Maldives.\n")
    receptions = [m for m in record.meetings if m.kind == "reception"]
    assert sorted(sorted((p.name, p.role, p.country) for p in m.participants) for m in receptions) == [
        [("Ali Sabry", "foreign_minister", "LKA"), ("Ibrahim Nasir", "foreign_minister", "MDV")],
        [("Ali Sabry", "foreign_minister", "LKA"), ("Karma Dorji", "foreign_minister", "BTN")]]
    assert {m.chair for m in receptions} == {"Ali Sabry"}
