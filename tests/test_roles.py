"""Stage 4: who holds which role for which state or organisation, read through
communique.extract(...).people."""
from __future__ import annotations

import pytest

from conftest import find_person, only_meeting


def roles_of(person):
    return {(r.role, r.country, r.org) for r in person.roles}


def test_list_of_foreign_ministers_gives_one_person_per_state(extract):
    text = ("MINSK, 20.05.2021 (BelTA) - The meeting was attended by the foreign ministers of Armenia "
            "Ara Ayvazyan, Belarus Vladimir Makei, and Russia Sergei Lavrov.")
    record = extract(text)
    by_name = {p.name: p for p in record.people}
    assert set(by_name) == {"Ara Ayvazyan", "Vladimir Makei", "Sergei Lavrov"}
    assert roles_of(by_name["Ara Ayvazyan"]) == {("foreign_minister", "ARM", None)}
    assert roles_of(by_name["Vladimir Makei"]) == {("foreign_minister", "BLR", None)}
    assert roles_of(by_name["Sergei Lavrov"]) == {("foreign_minister", "RUS", None)}
    # each role's evidence names the state the list gives that person
    for person, state in [("Ara Ayvazyan", "Armenia"), ("Vladimir Makei", "Belarus"), ("Sergei Lavrov", "Russia")]:
        evidence = by_name[person].roles[0].evidence[0]
        assert evidence.text.endswith(state)
        assert text[evidence.start:evidence.end] == evidence.text


def test_names_with_their_states_in_brackets_after_a_plural_title_each_hold_it(extract):
    record = extract("BRATISLAVA, 14 June 2011 - Prime Ministers Jan Dvorak (Czech Republic), Gabor Kiss (Hungary), "
                     "Marek Nowak (Poland) and Eva Horvathova (Slovakia) met in Bratislava.")
    by_name = {p.name: p for p in record.people}
    assert roles_of(by_name["Jan Dvorak"]) == {("head_of_government", "CZE", None)}
    assert roles_of(by_name["Gabor Kiss"]) == {("head_of_government", "HUN", None)}
    assert roles_of(by_name["Marek Nowak"]) == {("head_of_government", "POL", None)}
    assert roles_of(by_name["Eva Horvathova"]) == {("head_of_government", "SVK", None)}
    assert [m.kind for m in record.meetings] == ["talks"]  # leaders meeting: no host receives the others


@pytest.mark.parametrize("holder", [
    "the Prime Minister of Grenada, Dr. the Rt. Honourable Keith Mitchell",
    "the Prime Minister of Grenada, His Excellency the Honourable Keith Mitchell",
])
def test_honorifics_joined_by_the_still_lead_to_the_title_s_holder(extract, holder):
    record = extract(f"CASTRIES, 7 July 2024 - The meeting was attended by {holder}.")
    by_name = {p.name: p for p in record.people}
    assert roles_of(by_name["Keith Mitchell"]) == {("head_of_government", "GRD", None)}


def test_chairman_of_a_body_and_president_is_one_person_with_both_roles(extract):
    text = ("DUSHANBE, 16.09.2021 (Khovar) - The session was chaired by the Chairman of the CSTO Collective "
            "Security Council, President of Tajikistan Emomali Rahmon.")
    record = extract(text)
    assert len(record.people) == 1
    person = record.people[0]
    assert person.name == "Emomali Rahmon"
    roles = {r.role for r in person.roles}
    assert "head_of_state" in roles
    assert len(person.roles) == 2
    assert any(r.org == "CSTO" for r in person.roles)
    assert any(r.role == "head_of_state" and r.country == "TJK" for r in person.roles)
    # the best role is the one the person takes part with
    meeting = record.meetings[0]
    assert meeting.chair == "Emomali Rahmon"
    participant = next(p for p in meeting.participants if p.name == "Emomali Rahmon")
    assert (participant.role, participant.country) == ("head_of_state", "TJK")


def test_acting_minister(extract):
    record = extract("YEREVAN, 10.06.2021 (Armenpress) - Acting Minister of Foreign Affairs of Armenia "
                     "Ara Ayvazyan received the Ambassador of Greece at the ministry on Thursday.")
    person = find_person(record, "Ayvazyan")
    assert person.name == "Ara Ayvazyan"
    assert roles_of(person) == {("foreign_minister", "ARM", None)}
    assert person.roles[0].title == "Acting Minister of Foreign Affairs"


def test_apposition_after_the_name(extract):
    record = extract("YEREVAN, 10.06.2021 (Armenpress) - Armenian Foreign Minister Ara Ayvazyan held a "
                     "meeting with Vladimir Makei, Foreign Minister of Belarus, in Yerevan on Thursday.")
    makei = find_person(record, "Makei")
    assert makei.name == "Vladimir Makei"
    assert roles_of(makei) == {("foreign_minister", "BLR", None)}
    evidence = makei.roles[0].evidence[0]
    assert evidence.text == "Foreign Minister of Belarus"


def test_counterpart_takes_the_role_of_the_other_side(extract):
    record = extract("BISHKEK, 12.03.2019 (Kabar) - Kazakh Foreign Minister Beibut Atamkulov held talks with "
                     "his Kyrgyz counterpart Chingiz Aidarbekov in Bishkek on Monday.")
    person = find_person(record, "Aidarbekov")
    assert person.name == "Chingiz Aidarbekov"
    assert roles_of(person) == {("foreign_minister", "KGZ", None)}
    assert roles_of(find_person(record, "Atamkulov")) == {("foreign_minister", "KAZ", None)}


def test_counterpart_of_a_defence_minister_is_a_defence_minister(extract):
    record = extract("TASHKENT, 12.03.2019 (UzA) - Uzbek Defence Minister Bakhodir Kurbanov received his "
                     "Tajik counterpart Sherali Mirzo in Tashkent on Monday.")
    assert roles_of(find_person(record, "Mirzo")) == {("defence_minister", "TJK", None)}


def test_arabic_names_with_particles_and_ambassador_to(extract):
    record = extract("ABU DHABI, 3rd March, 2020 (WAM) -- Sheikh Abdullah bin Zayed Al Nahyan, Minister of "
                     "Foreign Affairs and International Cooperation, received Turki bin Abdullah Al Dakhil, Saudi "
                     "Ambassador to the UAE, at his office in Abu Dhabi.")
    names = {p.name for p in record.people}
    assert names == {"Abdullah bin Zayed Al Nahyan", "Turki bin Abdullah Al Dakhil"}
    envoy = find_person(record, "Al Dakhil")
    # "to the UAE" names where he serves, not whom he represents
    assert roles_of(envoy) == {("ambassador", "SAU", None)}
    minister = find_person(record, "Nahyan")
    assert {r.role for r in minister.roles} == {"foreign_minister"}
    meeting = record.meetings[0]
    by_name = {p.name: p for p in meeting.participants}
    # a title naming no state is the report's own (the dateline's) state
    assert by_name["Abdullah bin Zayed Al Nahyan"].country == "ARE"
    assert by_name["Turki bin Abdullah Al Dakhil"].country == "SAU"


def test_secretary_general_of_an_organisation_has_no_country(extract):
    record = extract("MOSCOW, 11.04.2022 (TASS) - Russian Foreign Minister Sergey Lavrov met CSTO Secretary "
                     "General Stanislav Zas in Moscow.")
    zas = find_person(record, "Zas")
    assert roles_of(zas) == {("secretary_general", None, "CSTO")}
    participant = next(p for p in record.meetings[0].participants if p.name == "Stanislav Zas")
    assert (participant.role, participant.country, participant.org) == ("secretary_general", None, "CSTO")


def test_double_title_with_and_ranks_foreign_minister_first(extract):
    record = extract("NIAMEY, 11.04.2022 (ANP) - Deputy Prime Minister and Foreign Minister of Niger Hassoumi "
                     "Massaoudou received the Ambassador of Ghana in Niamey.")
    person = find_person(record, "Massaoudou")
    assert {r.role for r in person.roles} == {"minister", "foreign_minister"}
    assert all(r.country == "NER" for r in person.roles)
    participant = next(p for p in record.meetings[0].participants if p.name == person.name)
    assert participant.role == "foreign_minister"


def test_role_evidence_points_at_the_title(extract):
    text = ("BAKU, 11.04.2022 (AZERTAC) - Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun "
            "Bayramov met the Ambassador of Italy in Baku.")
    record = extract(text)
    person = find_person(record, "Bayramov")
    role = person.roles[0]
    assert (role.role, role.country) == ("foreign_minister", "AZE")
    assert role.title == "Minister of Foreign Affairs"
    for e in role.evidence:
        assert text[e.start:e.end] == e.text
        assert "Minister of Foreign Affairs" in e.text


def test_united_nations_speakers_named_with_their_state(extract):
    record = extract(
        "The Security Council met in New York this morning to consider the situation in Haiti. Maria Lopez, "
        "Personal Envoy of the Secretary-General for Haiti, briefed the Council. Li Wei (China) called for "
        "restraint; Jane Doe (United States) said aid must flow.\n")
    session = only_meeting(record, "session")
    by_name = {p.name: p for p in session.participants}
    assert (by_name["Li Wei"].role, by_name["Li Wei"].country) == ("ambassador", "CHN")
    assert (by_name["Jane Doe"].role, by_name["Jane Doe"].country) == ("ambassador", "USA")
    # an envoy of the Secretary-General for a state acts for the organisation, not the state
    assert (by_name["Maria Lopez"].org, by_name["Maria Lopez"].country) == ("UN", None)


def test_a_semicolon_list_of_states_and_their_holders(extract):
    record = extract(
        "Attending were the presidents of Bolivia, Luis Arce; Colombia, Gustavo Petro; and Peru, Dina Boluarte; "
        "the Prime Minister of Guyana, Mark Phillips.\n")
    held = {p.name: [(r.role, r.country) for r in p.roles] for p in record.people}
    assert held["Gustavo Petro"] == [("head_of_state", "COL")]
    assert held["Dina Boluarte"] == [("head_of_state", "PER")]


def test_a_title_only_one_state_gives_names_the_state(extract):
    record = extract(
        "Office of the Spokesperson\nJuly 2, 2024\n\nDeputy Secretary of State Kurt M. Campbell hosted Japanese "
        "Vice Minister for Foreign Affairs Okano Masataka and Republic of Korea First Vice Foreign Minister "
        "Kim Hong-kyun for a Trilateral Vice Foreign Ministerial Meeting.\n")
    talks = only_meeting(record, "talks")
    states = {p.name: p.country for p in talks.participants}
    assert states == {"Kurt M. Campbell": "USA", "Okano Masataka": "JPN", "Kim Hong-kyun": "KOR"}


def test_the_president_of_the_republic(extract):
    record = extract("ASUNCIÓN (ABC) - The President of the Republic, Santiago Peña, received the ambassador of "
                     "Spain, Ramón Santos, on Tuesday.\n")
    assert find_person(record, "Santiago Peña").roles[0].role == "head_of_state"


def test_an_ambassador_in_a_capital_is_of_the_state_named_before(extract):
    record = extract("DAMASCUS, Feb 12 (SANA) - The meeting was attended by the Iranian Ambassador in Damascus, "
                     "Hossein Akbari.\n")
    roles = find_person(record, "Hossein Akbari").roles
    assert [(r.role, r.country) for r in roles] == [("ambassador", "IRN")]


def test_a_portfolio_that_runs_on_after_a_comma_still_titles_the_name(extract):
    record = extract("RABAT, 12/03/2024 (MAP) - Nasser Bourita held talks on Tuesday with the Minister of Foreign "
                     "Affairs, International Cooperation and Gambians Abroad, Mamadou Tangara.\n")
    assert [r.role for r in find_person(record, "Mamadou Tangara").roles] == ["foreign_minister"]


def test_a_state_named_again_in_brackets_keeps_the_title_on_the_name(extract):
    record = extract("ASUNCIÓN (ABC) - The President received the Minister of Foreign Affairs of the Republic of "
                     "China (Taiwan), Lin Chia-lung, on Tuesday.\n")
    assert [(r.role, r.country) for r in find_person(record, "Lin Chia-lung").roles] == [("foreign_minister", "TWN")]


def test_a_word_before_a_title_changes_its_role(extract):
    text = ("NAIROBI, 3 May 2022 (KNA) - Deputy President Otieno Wafula and former Prime Minister Kamau Njoroge "
            "met the Deputy minister of Foreign Affairs and European Integration of Moldova Ion Rusu.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Otieno Wafula"]) == {("other", None, None)}
    assert roles_of(by_name["Kamau Njoroge"]) == {("other", None, None)}
    assert roles_of(by_name["Ion Rusu"]) == {("deputy_foreign_minister", "MDA", None)}


def test_a_title_means_what_the_state_giving_it_says(extract):
    text = ("NEW DELHI, 4 March 2024 (PTI) - Indian Foreign Secretary Arun Mehta met Argentine Chancellor "
            "Lucia Ferro, and Austrian Chancellor Karl Brunner met British Foreign Secretary Tom Hale.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Arun Mehta"]) == {("other", "IND", None)}
    assert roles_of(by_name["Lucia Ferro"]) == {("foreign_minister", "ARG", None)}
    assert roles_of(by_name["Karl Brunner"]) == {("head_of_government", "AUT", None)}
    assert roles_of(by_name["Tom Hale"]) == {("foreign_minister", "GBR", None)}


def test_a_title_after_an_honorific_led_name_needs_no_comma(extract):
    text = ("DJIBOUTI, 12 June 2023 (ADI) - The summit was attended by H.E. Amani Deng; President of the Republic "
            "of South Sudan; H.E. Yonas Tekle Minister of Foreign Affairs of the State of Eritrea and H.E. Gen. "
            "Al-Hajj Okello Musa, Minister of Foreign Affairs of the Republic of Uganda.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"Amani Deng", "Yonas Tekle", "Okello Musa"}
    assert roles_of(by_name["Amani Deng"]) == {("head_of_state", "SSD", None)}
    assert roles_of(by_name["Yonas Tekle"]) == {("foreign_minister", "ERI", None)}
    assert roles_of(by_name["Okello Musa"]) == {("foreign_minister", "UGA", None)}


def test_honorifics_ranks_and_a_family_name_in_capitals_are_read_apart(extract):
    text = ("TOKYO, 21 October 2024 (MOFA) - Mr. SATO Kenji, Minister for Foreign Affairs of Japan, held a "
            "telephone talk with H.E. Dr. Seyyed Reza MOSHIRI, Minister of Foreign Affairs of Iran, and later "
            "received Lieutenant General Tomas Reyes, Chief of Staff of the Army of Chile.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"SATO Kenji", "Reza MOSHIRI", "Tomas Reyes"}
    assert roles_of(by_name["Reza MOSHIRI"]) == {("foreign_minister", "IRN", None)}


def test_an_unlisted_portfolio_before_the_name_is_part_of_the_title(extract):
    text = ("HANOI, 15 March 2022 (VNA) - The agreements were signed by the Minister of Agriculture and Forestry, "
            "Sahr Conteh, and by the Minister for Home Affairs Binod Thapa of Nepal.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Sahr Conteh"]) == {("minister", None, None)}
    assert roles_of(by_name["Binod Thapa"]) == {("minister", "NPL", None)}


def test_an_honorific_ends_the_institution_a_title_is_of(extract):
    text = ("KUWAIT, 2 May 2019 (KUNA) - The Amir received the Deputy Minister of Amiri Diwan Sheikh Faisal "
            "Al-Nasser Al-Sabah.")
    by_name = {p.name: p for p in extract(text).people}
    assert {r.role for r in by_name["Faisal Al-Nasser Al-Sabah"].roles} == {"other"}


@pytest.mark.parametrize("mark", ["", "  \u2022 ", "3. "])
def test_a_line_led_by_a_state_and_a_colon_lists_its_people(extract, mark):
    text = ("LILONGWE, 17 August 2013 (SADC) - The summit was attended by the following Heads of State:\n\n"
            f"{mark}Botswana: H.E. President Lt. Gen. Kagiso Molefe\n\n"
            f"{mark}Angola: Rt. Honourable Paulo Neto, Vice President\n")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Kagiso Molefe"]) == {("head_of_state", "BWA", None)}
    assert roles_of(by_name["Paulo Neto"]) == {("other", "AGO", None)}


def test_the_state_of_an_ambassador_is_the_one_that_sends_him(extract):
    text = ("ABUJA, 3 May 2022 (NAN) - The Ambassador of Niger to Nigeria Moussa Ali met Ghana's Ambassador to "
            "Nigeria Kofi Mensah and the Indian Ambassador in Lagos Ravi Kumar.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Moussa Ali"]) == {("ambassador", "NER", None)}
    assert roles_of(by_name["Kofi Mensah"]) == {("ambassador", "GHA", None)}
    assert roles_of(by_name["Ravi Kumar"]) == {("ambassador", "IND", None)}


def test_a_title_after_another_title_and_a_comma_is_an_honorific(extract):
    text = ("WASHINGTON, 13 September 2018 (NATO) - He met the National Security Advisor, Ambassador Paul Grant, "
            "and Ambassador Kay Dunn of Canada.")
    by_name = {p.name: p for p in extract(text).people}
    assert {r.role for r in by_name["Paul Grant"].roles} == {"other"}
    assert roles_of(by_name["Kay Dunn"]) == {("ambassador", "CAN", None)}


def test_a_hard_wrapped_title_and_a_numbered_session_stay_one_phrase(extract):
    text = ("NEW YORK, 26 September 2013 (UN) - The meeting, chaired by Mr Ion Popa, Minister for Foreign Affairs of\n"
            "Romania, was attended by H.E. Mark Ash, President of the 68th Session of the UN General Assembly.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Ion Popa"]) == {("foreign_minister", "ROU", None)}
    assert roles_of(by_name["Mark Ash"]) == {("other", None, "UN")}


def test_a_state_in_brackets_after_a_titled_name_is_the_title_s_state(extract):
    text = ("LIMA, 6 July 2019 (Andina) - Foreign Affairs Secretary Pablo Cruz (Mexico) and Hana Lee (Korea, "
            "Republic of) signed the declaration; Fu Wen (China) spoke.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Pablo Cruz"]) == {("foreign_minister", "MEX", None)}
    assert roles_of(by_name["Fu Wen"]) == {("ambassador", "CHN", None)}


def test_honorifics_in_brackets_stay_before_the_name(extract):
    text = ("NAIROBI, 2 May 2022 (KNA) - Foreign Minister Hon. (Dr.) Alfred Kamau met Defence Minister Major "
            "General (Rtd) Amos Kiprop.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"Alfred Kamau", "Amos Kiprop"}
    assert {r.role for r in by_name["Alfred Kamau"].roles} == {"foreign_minister"}
    assert {r.role for r in by_name["Amos Kiprop"].roles} == {"defence_minister"}


def test_a_title_no_list_holds_is_read_by_its_shape(extract):
    text = ("BUENOS AIRES, 8 November 2020 (Telam) - Attending were Strategic Affairs Secretary Tomas Ruiz and "
            "National Security Council Secretary Ravi Nair, while Secretary of State Anne Cole met the Deputy "
            "Supreme Commander of the UAE Armed Forces.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"Tomas Ruiz", "Ravi Nair", "Anne Cole"}
    assert {r.role for r in by_name["Tomas Ruiz"].roles} == {"other"}
    assert {r.role for r in by_name["Ravi Nair"].roles} == {"other"}
    assert {r.role for r in by_name["Anne Cole"].roles} == {"foreign_minister"}


def test_a_portfolio_after_an_organisation_leads_to_the_name_after_it(extract):
    text = ("LUXEMBOURG, 19 June 2017 (EU) - The Council was chaired by the High Representative of the European "
            "Union for Foreign Affairs and Security Policy, Laura Bianchi.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"Laura Bianchi"}
    assert roles_of(by_name["Laura Bianchi"]) == {("other", None, "EU")}


def test_appositions_by_dash_by_region_and_by_an_organisation_s_second_title(extract):
    text = ("ABUJA, 3 May 2017 (NAN) - The summit was attended by the Special Representative for West Africa, "
            "Dr. Musa Bello, by Mr. Omar Latif - Director of the Policy Planning Staff, and by Finland's Minister "
            "for Foreign Affairs and OSCE Chairperson-in-Office, Aino Virtanen.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"Musa Bello", "Omar Latif", "Aino Virtanen"}
    assert {r.role for r in by_name["Omar Latif"].roles} == {"other"}
    assert {(r.role, r.country) for r in by_name["Aino Virtanen"].roles} >= {("foreign_minister", "FIN")}


def test_two_titles_without_names_stay_two_references(extract):
    text = ("JAKARTA, 3 February 2023 (Antara) - President Budi Santoso had a courtesy call from ASEAN Foreign "
            "Ministers and ASEAN Secretary General, opening the ministers' meeting in Jakarta.\n\n"
            "In the courtesy call, the new ASEAN Secretary general, Lim Sok, from Cambodia, was introduced to the "
            "president.")
    record = extract(text)
    assert "Lim Sok" in {p.name for m in record.meetings for p in m.participants}


def test_a_portfolio_no_list_holds_leads_to_the_state_after_it(extract):
    text = ("BANJUL, 3 May 2017 (GRTS) - Hon. Lamin Ceesay, Minister of Works, Construction and Infrastructure "
            "of The Gambia, met the press.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Lamin Ceesay"]) == {("minister", "GMB", None)}


def test_a_curly_apostrophe_in_an_honorific_reads_as_a_straight_one(extract):
    text = "PUTRAJAYA, 5 May 2023 (Bernama) - Foreign Minister Dato’ Seri Ahmad Zaki met Ambassador Kim Lee of Korea."
    by_name = {p.name: p for p in extract(text).people}
    assert {r.role for r in by_name["Ahmad Zaki"].roles} == {"foreign_minister"}
    zaki = by_name["Ahmad Zaki"].mentions[0]
    assert text[zaki.start:zaki.end] == zaki.text == "Ahmad Zaki"


def test_a_consul_general_of_a_state_after_a_name_gives_the_state(extract):
    text = ("LA PAZ, Aug 1 -- Deputy Foreign Minister Freddy Mamani received Ambassador Tomas Ruiz, Consul General "
            "of Peru in Bolivia, on Monday.")
    record = extract(text)
    ruiz = find_person(record, "Tomas Ruiz")
    assert any(r.country == "PER" for r in ruiz.roles)
    held = next(p for m in record.meetings for p in m.participants if p.name == "Tomas Ruiz")
    assert (held.role, held.country) == ("ambassador", "PER")


def test_initials_without_points_start_a_name(extract):
    record = extract("KATHMANDU, June 3 -- The envoy called on Prime Minister KP Sharma Oli on Sunday.")
    oli = find_person(record, "Oli")
    assert oli.name == "KP Sharma Oli"
    assert roles_of(oli) == {("head_of_government", "NPL", None)} or oli.roles[0].role == "head_of_government"



def test_a_counterpart_keeps_the_role_of_his_own_title(extract):
    text = ("NAIROBI, May 4 -- President Daniel Kiptoo held talks with his Ethiopian counterpart, Prime Minister "
            "Tesfaye Bekele, at State House on Monday.")
    record = extract(text)
    bekele = next(p for m in record.meetings for p in m.participants if p.name == "Tesfaye Bekele")
    assert (bekele.role, bekele.country) == ("head_of_government", "ETH")


def test_an_unlisted_acronym_before_an_organisation_s_title_is_the_organisation(extract):
    text = ("GENEVA, Dec 14 -- ICAO Secretary General Juan Salazar held talks with Foreign Minister Elmar "
            "Mammadyarov. Mr. Dan Ciopraga, TRACECA Secretary General, also met Mammadyarov.")
    record = extract(text)
    assert roles_of(find_person(record, "Juan Salazar")) == {("secretary_general", None, "ICAO")}
    assert roles_of(find_person(record, "Dan Ciopraga")) == {("secretary_general", None, "TRACECA")}


def test_an_envoy_for_a_state_is_not_that_state_s(extract):
    record = extract("ANKARA, May 3 -- Foreign Minister Hakan Fidan received US Special Envoy for Syria "
                     "Tom Barrack on Monday.")
    assert roles_of(find_person(record, "Tom Barrack")) == {("other", "USA", None)}


def test_a_title_of_a_portfolio_with_for_binds_the_name_after_it(extract):
    record = extract("ANKARA, May 3 -- Foreign Minister Hakan Fidan received UN High Commissioner for Refugees "
                     "Filippo Grandi on Monday.")
    assert roles_of(find_person(record, "Filippo Grandi")) == {("other", None, "UN")}


def test_state_minister_and_tanaiste_are_titles(extract):
    record = extract("NAIROBI, May 3 -- Foreign Minister Musalia Mudavadi held talks with Hon. (Dr.) Jane Okoth, "
                     "Ugandan State Minister for Regional Affairs.")
    assert roles_of(find_person(record, "Jane Okoth")) == {("minister", "UGA", None)}
    record = extract("LONDON, May 3 -- Foreign Secretary David Lammy held talks with Tanaiste Michael Martin.")
    martin = next(p for m in record.meetings for p in m.participants if p.name == "Michael Martin")
    assert (martin.role, martin.country) == ("minister", "IRL")


def test_letters_after_a_name_do_not_end_its_apposition(extract):
    record = extract("LONDON, May 3 -- The Rt Hon. Tom Pellew MP, Foreign Secretary, held talks with Foreign "
                     "Minister Ara Ayvazyan of Armenia in London.")
    pellew = find_person(record, "Tom Pellew")
    assert pellew.name == "Tom Pellew" and pellew.roles[0].role == "foreign_minister"


def test_a_title_of_the_presidency_binds_the_name_after_its_comma(extract):
    record = extract("BOGOTA, Nov 8 -- Also attending was the Chief of Staff of the Presidency of the Republic, "
                     "Maria Paula Correa, who met President Luis Arce.")
    assert roles_of(find_person(record, "Maria Paula Correa")) == {("other", None, None)}


def test_a_given_name_that_is_also_a_title_right_after_a_title(extract):
    record = extract("DOHA, May 3 (QNA) -- Minister of State for Foreign Affairs Sultan Al Nuaimi met with the "
                     "Ambassador of Japan to Qatar Satoshi Maeda.")
    person = find_person(record, "Al Nuaimi")
    assert person.name == "Sultan Al Nuaimi"
    assert {r.role for r in person.roles} == {"foreign_minister"}


def test_states_after_a_plural_title_then_as_many_unknown_names_respectively(extract):
    text = ("ASTANA, March 3 (Kazinform) -- Foreign Minister Murat Nurtleu held bilateral meetings with the "
            "foreign ministers of Belarus, Kyrgyzstan and Uzbekistan, Pavel Lutskov, Yerlan Sapar and "
            "Jamshid Karimbek respectively.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Pavel Lutskov"]) == {("foreign_minister", "BLR", None)}
    assert roles_of(by_name["Yerlan Sapar"]) == {("foreign_minister", "KGZ", None)}
    assert roles_of(by_name["Jamshid Karimbek"]) == {("foreign_minister", "UZB", None)}


def test_opposite_number_is_a_counterpart(extract):
    text = ("PARIS, March 3 (AFP) -- Foreign Minister Luc Martin met his British opposite number "
            "James Clever on Monday.")
    by_name = {p.name: p for p in extract(text).people}
    assert "James Clever" in by_name
    assert roles_of(by_name["James Clever"]) == {("foreign_minister", "GBR", None)}


def test_governor_general_and_charge_d_affaires_are_other(extract):
    text = ("CANBERRA, March 3 (AAP) -- Governor-General Peter Walsh received the Chargé d'Affaires of "
            "Peru, Mr. Luis Campos, on Monday.")
    by_name = {p.name: p for p in extract(text).people}
    assert {r.role for r in by_name["Peter Walsh"].roles} == {"other"}
    assert roles_of(by_name["Luis Campos"]) == {("other", "PER", None)}


def test_a_nickname_in_single_quotes_is_inside_one_name(extract):
    text = ("MANILA, March 3 (PNA) -- President Ferdinand 'Bongbong' Marcos Jr. received Japanese Foreign "
            "Minister Yoko Kamikawa at Malacanang. President Marcos thanked Japan.")
    names = [p.name for p in extract(text).people]
    assert len(names) == 2
    assert any("Bongbong" in n and n.startswith("Ferdinand") and "Marcos" in n for n in names)


def test_untitled_names_of_states_in_a_list_are_people_of_those_states(extract):
    text = ("GENEVA, March 3 (Yonhap) -- The talks were attended by KIM Sung-hwan of South Korea and "
            "Ri Chol Man of North Korea.")
    meeting = only_meeting(extract(text))
    assert {(p.name, p.country) for p in meeting.participants} == {("KIM Sung-hwan", "KOR"), ("Ri Chol Man", "PRK")}


def test_a_counterpart_of_a_title_without_a_name_takes_its_role(extract):
    text = ("BRASILIA, Sept 15 (ABr) -- The Brazilian President met his Argentine counterpart Alberto Fernandez "
            "on Friday.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Alberto Fernandez"]) == {("head_of_state", "ARG", None)}


def test_the_president_of_a_development_bank_is_its_secretary_general(extract):
    text = ("ADDIS ABABA, Feb 5 (ENA) -- Prime Minister Abiy Ahmed also discussed with African Development Bank "
            "Group President, Kwame Mensah on energy projects. He later met World Bank President Ana Ruiz.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Kwame Mensah"]) == {("secretary_general", None, "AfDB")}
    assert roles_of(by_name["Ana Ruiz"]) == {("secretary_general", None, "WB")}


def test_head_of_an_organisation_is_its_official(extract):
    text = ("ASTANA, Aug 9 (Kazinform) -- President Kassym-Jomart Tokayev met Tamar Gelashvili, Head of the UN "
            "Regional Centre for Preventive Diplomacy for Central Asia, on Friday.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Tamar Gelashvili"]) == {("other", None, "UNRCCA")}


def test_senior_minister_is_a_minister(extract):
    text = ("MONROVIA, June 4 (LINA) -- The summit was attended by H.E. Paul Dossou, Senior Minister, "
            "Secretary General of the Presidency of the Republic of Benin.")
    by_name = {p.name: p for p in extract(text).people}
    assert "minister" in {r.role for r in by_name["Paul Dossou"].roles}


def test_a_bare_minister_title_yields_to_the_office_people_toml_knows(extract):
    text = ("BRASILIA, May 14, 2024 (ABr) -- Minister Mauro Vieira received the Minister of Foreign Affairs of "
            "Paraguay, Carlos Benitez, at the Itamaraty Palace.")
    meeting = only_meeting(extract(text))
    assert {(p.name, p.role, p.country) for p in meeting.participants} == {
        ("Mauro Vieira", "foreign_minister", "BRA"), ("Carlos Benitez", "foreign_minister", "PRY")}


def test_a_foreign_ministry_named_with_its_nationals_abroad_gives_the_state(extract):
    text = ("DAKAR, March 12, 2024 (APS) - Foreign Minister Aissata Sall held talks with the Minister of Foreign "
            "Affairs, Regional Integration and Togolese Abroad, Koffi Mensah.")
    meeting = only_meeting(extract(text))
    assert {(p.name, p.role, p.country) for p in meeting.participants} == {
        ("Aissata Sall", "foreign_minister", "SEN"), ("Koffi Mensah", "foreign_minister", "TGO")}



def test_letters_after_a_name_in_apposition_keep_the_name(extract):
    record = extract("He was received by the Taoiseach, Simon Harris TD, at Government Buildings.\n")
    assert [(p.name, p.roles[0].role) for p in record.people] == [("Simon Harris", "head_of_government")]



def test_a_line_a_state_and_a_dash_lead_names_the_state_of_its_people(extract):
    record = extract("Attending were:\nHungary – Prime Minister Viktor Orban\nAzerbaijan – President Ilham Aliyev\n")
    assert {p.name: p.roles[0].country for p in record.people} == {"Viktor Orban": "HUN", "Ilham Aliyev": "AZE"}


def test_co_chairs_with_their_states_in_brackets(extract):
    record = extract("The minister met the OSCE Minsk Group Co-Chairs Igor Popov (Russian Federation), Stephane "
                     "Visconti (France) and Richard Hoagland (the United States of America).\n")
    assert {p.name: p.roles[0].country for p in record.people} == {
        "Igor Popov": "RUS", "Stephane Visconti": "FRA", "Richard Hoagland": "USA"}


def test_a_portfolio_before_a_title_is_no_name(extract):
    record = extract("Moldova's Deputy Prime Minister for Reintegration, co-chair of the intergovernmental commission, "
                     "Vasile Sova attended.\n")
    assert "Reintegration" not in {p.name for p in record.people}



def test_a_name_set_off_by_commas_after_the_places_and_institution_a_title_is_of(extract):
    record = extract("The head of the department for Peru, Chile and South America of the Norwegian Foreign Ministry, "
                     "Kari Nordmann, highlighted the potential of the relations.\n")
    assert [(p.name, p.roles[0].country) for p in record.people] == [("Kari Nordmann", "NOR")]



def test_an_institution_between_a_state_and_a_title_keeps_the_state(extract):
    record = extract("The King received Iraqi Parliament Speaker Mahmoud Al Mashhadani at the palace.\n")
    assert {p.name: p.roles[0].country for p in record.people}["Mahmoud Al Mashhadani"] == "IRQ"



def test_the_head_of_a_foreign_ministry_by_its_name_is_foreign_minister(extract):
    record = extract("BERN, 5 March 2025 – Federal Councillor Ignazio Cassis, the head of the Federal Department of "
                     "Foreign Affairs, met German Foreign Minister Johann Wadephul in Bern.\n")
    roles = {p.name: p.role for m in record.meetings for p in m.participants}
    assert roles["Ignazio Cassis"] == "foreign_minister"



def test_a_state_represented_at_the_meeting_by_its_official(extract):
    record = extract("Latvia was represented at the meeting by the Under Secretary of State and Political Director of the "
                     "Ministry of Foreign Affairs, Andzejs Vilumsons.\n")
    assert {p.name: p.roles[0].country for p in record.people} == {"Andzejs Vilumsons": "LVA"}


def test_an_organisation_s_acronym_in_brackets_before_a_title_is_its_organisation(extract):
    text = ("TEHRAN, 3 March 2016 (IRNA) - Visiting European Union (EU) foreign policy chief Federica Mogherini met "
            "Iranian Foreign Minister Mohammad Javad Zarif.")
    by_name = {p.name: p for p in extract(text).people}
    assert set(by_name) == {"Federica Mogherini", "Mohammad Javad Zarif"}  # "Visiting" is no name
    assert roles_of(by_name["Federica Mogherini"]) == {("other", None, "EU")}


def test_the_city_an_ambassador_is_posted_to_is_part_of_his_title(extract):
    text = ("KABUL, 3 May 2012 (BNA) - Foreign Minister Zalmai Rassoul received the Ambassador of Canada to Kabul "
            "Dave Metcalfe on Tuesday.")
    by_name = {p.name: p for p in extract(text).people}
    assert roles_of(by_name["Dave Metcalfe"]) == {("ambassador", "CAN", None)}


def test_a_title_hyphenated_designate_keeps_its_role_and_elect_holds_none_yet(extract):
    record = extract("NAIROBI, 14 January 2020 (KNA) - President Uhuru Kenyatta received credentials from the Chinese "
                     "Ambassador-designate to Kenya, Guo Haiyan, and met Ghana's President-elect John Mensah.")
    by_name = {p.name: p for p in record.people}
    assert roles_of(by_name["Guo Haiyan"]) == {("ambassador", "CHN", None)}
    assert {r.role for r in by_name["John Mensah"].roles} == {"other"}


def test_the_holy_see_s_offices_and_church_ranks(extract):
    record = extract("VATICAN CITY, 5 May 2019 (Vatican News) - Pope Francis received President Horacio Cartes of "
                     "Paraguay, who then met Cardinal Secretary of State Pietro Parolin and Archbishop Paul Gallagher, "
                     "Secretary for Relations with States.")
    held = {p.name: (p.role, p.country) for m in record.meetings for p in m.participants}
    assert held["Francis"] == ("head_of_state", "VAT")
    assert held["Pietro Parolin"] == ("head_of_government", "VAT")
    assert held["Paul Gallagher"] == ("foreign_minister", "VAT")  # "Archbishop" is a rank, no name
