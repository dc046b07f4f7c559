"""Stage 3: states, demonyms, organisations, bodies, titles and name runs."""
from __future__ import annotations

import pytest

from communique.mentions import find_mentions
from communique.text import Document


@pytest.fixture(scope="module")
def mentions(gz):
    def run(text: str):
        found = find_mentions(Document.from_text(text), gz)
        for m in found:
            assert text[m.start:m.end] == m.text
        return found
    return run


def of_kind(found, *kinds):
    return [(m.text, m.key) for m in found if m.kind in kinds]


def test_states_by_name(mentions):
    found = mentions("Delegations of Tajikistan, Kyrgyzstan, the Russian Federation and Armenia attended.")
    assert of_kind(found, "state") == [("Tajikistan", "TJK"), ("Kyrgyzstan", "KGZ"),
                                       ("Russian Federation", "RUS"), ("Armenia", "ARM")]


def test_states_by_adjective(mentions):
    found = mentions("The Tajik side handed the Kyrgyz delegation a note.")
    assert of_kind(found, "demonym") == [("Tajik", "TJK"), ("Kyrgyz", "KGZ")]


def test_hyphenated_adjectives_give_two_states(mentions):
    found = mentions("The ministers discussed the Armenian-Azerbaijani border delimitation.")
    assert of_kind(found, "demonym", "state") == [("Armenian", "ARM"), ("Azerbaijani", "AZE")]


ACRONYMS = ["CSTO", "CIS", "SCO", "EAEU", "UN", "OSCE", "NATO", "EU", "ASEAN", "AU", "GCC", "OIC", "BRICS",
            "G7", "G20"]


@pytest.mark.parametrize("acronym", ACRONYMS)
def test_organisation_by_acronym(mentions, acronym):
    found = mentions(f"Representatives of the {acronym} attended the briefing.")
    assert of_kind(found, "org") == [(acronym, acronym)]


@pytest.mark.parametrize("full_name, key", [
    ("Collective Security Treaty Organization", "CSTO"),
    ("Commonwealth of Independent States", "CIS"),
    ("Shanghai Cooperation Organisation", "SCO"),
    ("Eurasian Economic Union", "EAEU"),
    ("United Nations", "UN"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("European Union", "EU"),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("African Union", "AU"),
    ("Gulf Cooperation Council", "GCC"),
    ("Organisation of Islamic Cooperation", "OIC"),
    ("Arab League", "Arab League"),
])
def test_organisation_by_full_name(mentions, full_name, key):
    found = mentions(f"Representatives of the {full_name} attended the briefing.")
    assert of_kind(found, "org") == [(full_name, key)]


def test_several_organisations_in_one_list(mentions):
    found = mentions("Observers from the UN, the OSCE, the Arab League and BRICS were present.")
    assert [k for _, k in of_kind(found, "org")] == ["UN", "OSCE", "Arab League", "BRICS"]


@pytest.mark.parametrize("body, org", [
    ("Council of Foreign Ministers", None),
    ("Ministerial Council", None),
    ("Collective Security Council", "CSTO"),
    ("Council of Heads of State", None),
    ("Foreign Affairs Council", "EU"),
])
def test_bodies(mentions, body, org):
    found = mentions(f"The {body} met in the capital.")
    bodies = [m for m in found if m.kind == "body"]
    assert [m.text for m in bodies] == [body]
    orgs_of_body = {b.org for b in bodies[0].bodies}
    if org is not None:
        assert org in orgs_of_body
    assert all(b.name for b in bodies[0].bodies)


def test_body_beats_the_title_inside_it(mentions):
    found = mentions("The Council of Foreign Ministers adopted the plan.")
    assert [m.kind for m in found] == ["body"]
    assert not [m for m in found if m.kind == "title"]


@pytest.mark.parametrize("title, role, plural", [
    ("Foreign Minister", "foreign_minister", False),
    ("foreign ministers", "foreign_minister", True),
    ("Ministers of Foreign Affairs", "foreign_minister", True),
    ("heads of state", "head_of_state", True),
    ("Presidents", "head_of_state", True),
    ("Prime Ministers", "head_of_government", True),
    ("Deputy Foreign Minister", "deputy_foreign_minister", False),
    ("Defence Ministers", "defence_minister", True),
    ("Heads of Government", "head_of_government", True),
    ("Ambassadors", "ambassador", True),
])
def test_titles_and_plurals(mentions, title, role, plural):
    found = mentions(f"Later the {title} spoke to the press.")
    titles = [m for m in found if m.kind == "title"]
    assert [(m.text, m.key, m.plural) for m in titles] == [(title, role, plural)]


@pytest.mark.parametrize("sentence, title", [
    ("Later the Ministers of Foreign Affairs/International Relations of the BRICS countries spoke.",
     "Ministers of Foreign Affairs/International Relations"),
    # the name after the other name of the office is no part of the title
    ("Minister of Foreign Affairs/International Relations Thandi Mokoena spoke.",
     "Minister of Foreign Affairs/International Relations"),
])
def test_a_title_and_its_other_name_after_a_slash_are_one_title(mentions, sentence, title):
    found = mentions(sentence)
    assert [m.text for m in found if m.kind == "title"] == [title]
    assert [m.text for m in found if m.kind == "name"] == (["Thandi Mokoena"] if "Thandi" in sentence else [])


def test_city_as_first_name_is_part_of_the_name(mentions):
    found = mentions("Belarusian Foreign Minister Vladimir Makei arrived in Minsk.")
    names = [m.text for m in found if m.kind == "name"]
    places = [m.text for m in found if m.kind == "place"]
    assert "Vladimir Makei" in names
    assert "Vladimir" not in places
    assert places == ["Minsk"]


def test_city_alone_stays_a_place(mentions):
    found = mentions("The delegation then travelled to Vladimir.")
    assert of_kind(found, "place") == [("Vladimir", "RUS")]


def test_lower_case_us_is_not_the_united_states(mentions):
    found = mentions("He told us that the sides would meet again.")
    assert of_kind(found, "state") == []


def test_capital_us_is_the_united_states(mentions):
    found = mentions("He told us that the US would send a delegation.")
    assert of_kind(found, "state") == [("US", "USA")]


def test_lower_case_acronym_word_is_not_an_organisation(mentions):
    # "au" in lower case, inside French names, is not the African Union
    found = mentions("The guests dined au restaurant with the delegation.")
    assert of_kind(found, "org") == []


def test_person_name_with_particles(mentions):
    found = mentions("Foreign Minister Abdullah bin Zayed Al Nahyan received the envoy.")
    names = [m.text for m in found if m.kind == "name"]
    assert "Abdullah bin Zayed Al Nahyan" in names


def test_mentions_are_ordered_and_do_not_overlap(mentions):
    found = mentions("The CSTO Secretary General and the Foreign Minister of Armenia Ara Ayvazyan met the "
                     "Council of Foreign Ministers of the CIS in Minsk.")
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_gulf_names_with_words_that_are_seldom_names(gz):
    text = ("Minister of State Dr. Sultan bin Saad Al-Muraikhi met Deputy Prime Minister Sayyid Fahd bin "
            "Mahmoud Al Said.")
    found = [m.text for m in find_mentions(Document.from_text(text), gz) if m.kind == "name"]
    assert found == ["Sultan bin Saad Al-Muraikhi", "Fahd bin Mahmoud Al Said"]


def test_a_nickname_in_quotes_is_part_of_the_name(mentions):
    found = mentions('President Ramon "Monching" Santos Jr. spoke. The "Green" Plan was adopted.')
    assert [text for text, _ in of_kind(found, "name")] == ['Ramon "Monching" Santos Jr']


def test_honorifics_without_their_last_point_are_not_names(mentions):
    found = mentions("He received H.E Tendai Moyo and H. E. Arnaud Petit.")
    assert [text for text, _ in of_kind(found, "name")] == ["Tendai Moyo", "Arnaud Petit"]
    assert len(of_kind(found, "honorific")) == 2


def test_an_initial_glued_to_a_family_name_is_one_name(mentions):
    found = mentions("Minister of Foreign Affairs B.Munkhbat received the envoy.")
    assert [text for text, _ in of_kind(found, "name")] == ["B.Munkhbat"]


def test_a_family_name_in_capitals_after_an_initial_or_with_a_hyphen(mentions):
    found = mentions("H.E. Didier B. AKPLOGAN met Hon. Fatou SANNEH-BOJANG in Banjul.")
    assert [text for text, _ in of_kind(found, "name")] == ["Didier B. AKPLOGAN", "Fatou SANNEH-BOJANG"]


def test_an_honorific_after_bin_is_part_of_the_name(mentions):
    found = mentions("Foreign Minister Dato' Seri Utama Haji Ismail Bin Haji Daud spoke.")
    assert [text for text, _ in of_kind(found, "name")] == ["Ismail Bin Haji Daud"]


def test_a_sentence_adverb_before_a_comma_is_no_name(mentions):
    found = mentions("Similarly, the ministers agreed.")
    assert of_kind(found, "name") == []


def test_a_hyphenated_title_does_not_join_the_name(mentions):
    found = mentions("Ambassador-at-Large Rami Haddad met the press.")
    assert of_kind(found, "title") == [("Ambassador-at-Large", "other")]
    assert [text for text, _ in of_kind(found, "name")] == ["Rami Haddad"]


def test_the_secretary_is_no_title_of_its_own_shape(mentions):
    found = mentions("The Secretary underscored the partnership. The Strategic Dialogue met. "
                     "National Security Council Secretary Ravi Nair spoke.")
    assert of_kind(found, "title") == [("National Security Council Secretary", "other")]


def test_a_run_that_is_a_place_of_two_words_stays_a_place(mentions):
    found = mentions("The talks were held in Kuala Lumpur. Later Addis Ababa hosted the summit.")
    assert [text for text, _ in of_kind(found, "place")] == ["Kuala Lumpur", "Addis Ababa"]
    assert of_kind(found, "name") == []


def test_a_name_cut_by_a_hard_wrap_is_one_name(extract):
    text = ("ISLAMABAD, Sep 15 (APP): The Prime Minister on Friday received the visiting delegation and\n"
            "talked at length on trade. In a separate call-on by Ambassador of Afghanistan Wahid\n"
            "Omar Karimi, the Prime Minister highlighted his support for the reconciliation process.\n")
    record = extract(text)
    assert "Wahid Omar Karimi" in {p.name for p in record.people}


def test_a_headline_line_does_not_run_into_the_next(extract):
    text = "Minister Meets Lavrov\nSergei Lavrov held talks with Foreign Minister Ara Ayvazyan in Moscow on Monday."
    names = {p.name for p in extract(text).people}
    assert "Sergei Lavrov" in names and not any("\n" in n or "Lavrov Sergei" in n for n in names)


def test_an_unlisted_title_of_an_institution_in_apposition(extract):
    text = ("TEHRAN, May 3 (IRNA) -- Ali Akbar Ahmadian, Secretary of the Supreme National Security Council, "
            "met with Foreign Minister Ara Ayvazyan of Armenia.")
    names = {p.name for p in extract(text).people}
    assert "Ali Akbar Ahmadian" in names


def test_titles_inside_a_fathers_name_after_bin_are_part_of_the_name(extract):
    text = ("BANDAR SERI BEGAWAN, May 3 (Borneo Bulletin) -- Second Minister of Foreign Affairs Dato Seri Setia "
            "Haji Rahim bin Pehin Datu Seri Maharaja Haji Ahmad Salleh received the Ambassador of Japan, "
            "Mr. Ken Tanaka.")
    names = {p.name for p in extract(text).people}
    assert names == {"Rahim bin Pehin Datu Seri Maharaja Haji Ahmad Salleh", "Ken Tanaka"}


def test_places_written_without_their_accents_and_the_world_known_colombo(gz, extract):
    record = extract("COLOMBO, May 20, 2024 - President Ranil Wickremesinghe received Maldivian Foreign Minister Moosa Zameer.\n")
    assert [p.country for p in record.meetings[0].participants] == ["LKA", "MDV"]
    assert (gz.places["Zurich"], gz.places["Sao Paulo"], gz.places["Montreal"]) == ("CHE", "BRA", "CAN")



def test_a_name_a_place_is_named_after_is_no_person(extract):
    record = extract("The minister arrived at King Khalid International Airport and later visited the Prince Saud "
                     "Al-Faisal Conference Center.\n")
    assert record.people == []


def test_a_demonym_after_an_arabic_article_is_part_of_a_family_name(mentions):
    found = mentions("The session was chaired by Foreign Minister Muhammed Seif Al-Yemeni of Comoros.")
    assert [m.text for m in found if m.kind == "name"] == ["Muhammed Seif Al-Yemeni"]
    assert [m.key for m in found if m.kind in ("state", "demonym")] == ["COM"]
