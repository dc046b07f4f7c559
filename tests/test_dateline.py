"""Stage 1: the dateline's place, date and source, with evidence offsets."""
from __future__ import annotations

import pytest

from communique.dateline import find_dateline


def evidence_text(text: str, facts, key: str) -> str:
    span = facts.evidence[key]
    assert 0 <= span.start <= span.end <= len(text)
    return text[span.start:span.end]


WIRE_STYLES = [
    # (report, place, date, source, printed place, printed date, printed source)
    pytest.param(
        "DUSHANBE, 20.05.2021 (NIAT Khovar) – Minister of Foreign Affairs of Tajikistan received "
        "the Ambassador of Iran at the ministry.",
        "Dushanbe", "2021-05-20", "NIAT Khovar", "DUSHANBE", "20.05.2021", "NIAT Khovar", id="khovar-numeric"),
    pytest.param(
        "MOSCOW, May 20, 2021 (Reuters) - Russia and Finland discussed border crossings at talks in Moscow.",
        "Moscow", "2021-05-20", "Reuters", "MOSCOW", "May 20, 2021", "Reuters", id="reuters-with-year"),
    pytest.param(
        "Minsk, 20 June (BelTA) - Belarus and Serbia signed a plan of consultations on 19 June 2019.",
        "Minsk", "2019-06-20", "BelTA", "Minsk", "20 June", "BelTA", id="belta-day-month"),
    pytest.param(
        "BEIJING, July 1 (Xinhua) -- Chinese and Cambodian diplomats met in Beijing on 30 June 2021.",
        "Beijing", "2021-07-01", "Xinhua", "BEIJING", "July 1", "Xinhua", id="xinhua-double-dash"),
    pytest.param(
        "MOSCOW, April 11. /TASS/. The Russian and Mongolian deputy foreign ministers held consultations "
        "on 10 April 2022.",
        "Moscow", "2022-04-11", "TASS", "MOSCOW", "April 11", "TASS", id="tass-slashes"),
    pytest.param(
        "ASTANA. June 21. KAZINFORM - Kazakhstan and Qatar held political consultations on 20 June 2023.",
        "Astana", "2023-06-21", "Kazinform", "ASTANA", "June 21", "KAZINFORM", id="kazinform-dots"),
]


@pytest.mark.parametrize("text, place, date, source, printed_place, printed_date, printed_source", WIRE_STYLES)
def test_wire_styles(gz, text, place, date, source, printed_place, printed_date, printed_source):
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date, facts.source) == (place, date, source)
    assert evidence_text(text, facts, "place") == printed_place
    assert evidence_text(text, facts, "date") == printed_date
    assert evidence_text(text, facts, "source") == printed_source


@pytest.mark.parametrize("text, printed, agency", [
    # printed in capitals: the agency's own spelling; the evidence still quotes the capitals
    ("ASTANA. June 21. KAZINFORM - Kazakhstan and Qatar held political consultations.", "Kazinform", "Kazinform"),
    ("MOSCOW, April 11. /TASS/. The Russian and Mongolian deputy foreign ministers met.", "TASS", "TASS"),
    ("MINSK, 20.05.2021 (Minsk Evening Courier) - The ministers met.", "Minsk Evening Courier", None),
])
def test_source_as_printed_and_the_agency_it_names(gz, text, printed, agency):
    facts = find_dateline(text, gz)
    assert facts.source == printed
    assert facts.agency == agency


def test_reuters_without_year_takes_year_from_body(gz):
    text = ("MOSCOW, May 20 (Reuters) - Russia's foreign minister, who met his Finnish counterpart "
            "in Helsinki on 19 May 2021, said on Thursday that border crossings would reopen.")
    facts = find_dateline(text, gz)
    assert facts.place == "Moscow"
    assert facts.source == "Reuters"
    # "19 May 2021" is the body's first stated (non-relative) date
    assert facts.date == "2021-05-20"
    assert evidence_text(text, facts, "date") == "May 20"


def test_headline_above_the_dateline(gz):
    text = ("Tajik and Afghan diplomats discuss border security\n"
            "DUSHANBE, 03.11.2021 (NIAT Khovar) – Tajik Foreign Minister received the Afghan envoy.\n")
    facts = find_dateline(text, gz)
    assert facts.place == "Dushanbe"
    assert facts.date == "2021-11-03"
    assert facts.source == "NIAT Khovar"
    # offsets are into the whole text, past the headline
    assert facts.evidence["place"].start == text.index("DUSHANBE")
    assert evidence_text(text, facts, "place") == "DUSHANBE"
    assert evidence_text(text, facts, "date") == "03.11.2021"
    assert evidence_text(text, facts, "source") == "NIAT Khovar"
    assert facts.end > text.index("NIAT Khovar")


def test_ministry_release_dated_on_its_own_line(gz):
    text = ("22 June, 2018\n"
            "The Minister of Foreign Affairs received the newly appointed Ambassador of Japan, who presented "
            "a copy of his credentials.\n")
    facts = find_dateline(text, gz)
    assert facts.date == "2018-06-22"
    assert facts.place is None
    assert facts.source is None
    assert evidence_text(text, facts, "date") == "22 June, 2018"


def test_ministry_release_with_a_heading_line_above_the_date(gz):
    text = ("Press release\n"
            "22 June, 2018\n"
            "The Minister of Foreign Affairs received the newly appointed Ambassador of Japan.\n")
    facts = find_dateline(text, gz)
    assert facts.date == "2018-06-22"
    assert facts.evidence["date"].start == text.index("22 June")
    assert evidence_text(text, facts, "date") == "22 June, 2018"


def test_date_line_without_year_is_completed_from_the_body(gz):
    text = ("10 October\n"
            "The Deputy Minister of Foreign Affairs met the Ambassador of Chile on 9 October 2019 in Tashkent "
            "to discuss the agenda of the coming visit.\n")
    facts = find_dateline(text, gz)
    assert facts.date == "2019-10-10"
    assert evidence_text(text, facts, "date") == "10 October"


def test_date_line_without_year_and_no_year_in_body_stays_unknown(gz):
    text = "10 October\nThe Deputy Minister of Foreign Affairs met the Ambassador of Chile yesterday.\n"
    facts = find_dateline(text, gz)
    assert facts.date is None


def test_published_and_source_arguments_take_precedence(gz):
    text = "MOSCOW, April 11. /TASS/. The Russian and Mongolian deputy foreign ministers held consultations."
    facts = find_dateline(text, gz, published="2022-04-12", source="Feed")
    assert facts.date == "2022-04-12"
    assert facts.source == "Feed"
    assert facts.place == "Moscow"


def test_no_dateline_at_all(gz):
    text = "The ministers discussed regional security at length and agreed to stay in contact."
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date, facts.source) == (None, None, None)
    assert facts.evidence == {}


def test_record_dateline_matches_stage_and_resolves_relative_dates(extract):
    text = ("BISHKEK, 03.11.2021 (Kabar) - Yesterday, Kyrgyz Foreign Minister Ruslan Kazakbaev held talks "
            "with the Ambassador of Turkey in Bishkek.")
    record = extract(text)
    assert record.published == "2021-11-03"
    assert record.source == "Kabar"
    assert record.dateline_place == "Bishkek"
    assert record.dateline.place == "Bishkek"
    printed = sorted(e.text for e in record.dateline.evidence)
    assert printed == sorted(["BISHKEK", "03.11.2021", "Kabar"])
    for e in record.dateline.evidence:
        assert text[e.start:e.end] == e.text
    # "Yesterday" is resolved against the dateline's date
    assert any(d.value == "2021-11-02" and d.evidence[0].text == "Yesterday" for d in record.dates)


def test_a_body_line_in_a_datelines_style_does_not_extend_the_dateline(gz):
    text = ("HANOI, 2 March 2024 (VNA) - The ministers met today.\n"
            "The talks went well.\n"
            "HANOI, 5 March 2024 (VNA) - a line quoting another dispatch.\n")
    facts = find_dateline(text, gz)
    assert facts.date == "2024-03-02"
    assert facts.end == text.index(" The ministers")
