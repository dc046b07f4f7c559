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
    pytest.param(
        "Belém (Agência Brasil) - The ministers of the eight states met on 8 August 2023.",
        "Belém", None, "Agência Brasil", "Belém", None, "Agência Brasil", id="accented-place-agency"),
    pytest.param(
        "Damascus, SANA- President al-Assad received the Omani minister on 12 February 2024.",
        "Damascus", None, "SANA", "Damascus", None, "SANA", id="place-comma-agency-dash"),
    pytest.param(
        "(KPL) Prime Minister Sonexay Siphandone received the Thai envoy on 13 March 2024.",
        None, None, "KPL", None, None, "KPL", id="agency-in-brackets-first"),
    pytest.param(
        "NAY PYI TAW, 23 April 2024 - Union Minister U Than Swe received the Chinese vice minister.",
        "Nay Pyi Taw", "2024-04-23", None, "NAY PYI TAW", "23 April 2024", None, id="place-date-dash"),
    pytest.param(
        "LIMA -- Peru's foreign minister received the Chilean ambassador on 3 March 2024.",
        "Lima", None, None, "LIMA", None, None, id="place-double-hyphen"),
    pytest.param(
        "HÀ NỘI — Deputy Prime Minister Bui Thanh Son received the Lao ambassador on 3 March 2024.",
        "Hà Nội", None, None, "HÀ NỘI", None, None, id="place-with-diacritics"),
    pytest.param(
        "(MENAFN- Gulf Times) DOHA - The Amir received the Omani foreign minister on 3 March 2024.",
        "Doha", None, "Gulf Times", "DOHA", None, "Gulf Times", id="carrier-and-source-in-brackets"),
    pytest.param(
        "Tehran, IRNA – Iranian Foreign Minister Abbas Araghchi spoke with his Omani counterpart on Saturday.",
        "Tehran", None, "IRNA", "Tehran", None, "IRNA", id="place-agency-spaced-dash"),
    pytest.param(
        "Yerevan/Mediamax/. The spokesman of the Armenian foreign ministry said the ministers would meet.",
        "Yerevan", None, "Mediamax", "Yerevan", None, "Mediamax", id="place-slash-source"),
    pytest.param(
        "JAKARTA\n\nPresident Joko Widodo held a bilateral meeting with the US Secretary of State on Monday.",
        "Jakarta", None, None, "JAKARTA", None, None, id="place-alone-on-its-line"),
]


@pytest.mark.parametrize("text, place, date, source, printed_place, printed_date, printed_source", WIRE_STYLES)
def test_wire_styles(gz, text, place, date, source, printed_place, printed_date, printed_source):
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date, facts.source) == (place, date, source)
    for key, printed in (("place", printed_place), ("date", printed_date), ("source", printed_source)):
        if printed is None:
            assert key not in facts.evidence
        else:
            assert evidence_text(text, facts, key) == printed


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


def test_headline_glued_again_before_the_dateline(gz):
    headline = "Norway Sees Room to Grow Trade with Peru"
    text = (f"{headline}\n\n{headline} Lima, Mar 15. – A Norwegian state secretary told Peru's deputy "
            "foreign minister about the interest of continuing the dialogue.\n")
    facts = find_dateline(text, gz)
    assert facts.place == "Lima"
    assert evidence_text(text, facts, "place") == "Lima"
    assert facts.evidence["place"].start == text.index("Lima,")


def test_date_and_byline_on_one_line_date_the_page(gz):
    text = ("Two presidents agree on border talks\n\nMarch 3, 2024|By Jane Writer | Jane Writer, Our Bureau\n\n"
            "LIMA -- The presidents of Peru and Chile met on Friday.\n")
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date) == ("Lima", "2024-03-03")


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


@pytest.mark.parametrize("text, date", [
    # the weekday the report names fixes the year among those it states; a plan "for 2025" is no year of the past
    ("ISTANBUL, October 18, APA. The meeting was held on Friday. The first was in December 2021, the second "
     "in October 2023.", "2024-10-18"),
    ("YEREVAN, FEBRUARY 14, ARMENPRESS. The leaders spoke on Tuesday. They will meet on February 16, 2024.",
     "2024-02-14"),
    ("ALMATY, June 20. /TASS/. The ministers met on Thursday and approved the plan for 2025.", None),
    ("Amman, Feb. 19 (Petra) -- The ministers spoke on Monday. Donors cut their funding in 2024.", "2024-02-19"),
])
def test_a_dateline_without_a_year_takes_it_from_the_report(gz, text, date):
    assert find_dateline(text, gz).date == date


@pytest.mark.parametrize("text, date", [
    # the report is written after the dates it tells of the past: "since 2015" bounds the year from below
    ("OSLO, March 12 (NTB) - The ministers met on Saturday, their first talks since 2015. They met in "
     "Bergen on 4 June 2012.", "2016-03-12"),
    # ... and before the dates it announces: the last such day before the next session
    ("VIENNA, November 3. /TASS/. The council met under the Maltese chair in 2025. Its next session will be "
     "held on May 20, 2026.", "2025-11-03"),
    # a year alone, of a founding or a first summit, leaves the year open
    ("RIGA, June 9. /TASS/. The council, founded in 1999, met on its usual terms.", None),
    # a day a few weeks ahead, named without a future word, is no date of the past
    ("KUALA LUMPUR, Jan 5 (Bernama) -- The ministers met today. The fair opens on Jan 28, 2024 in Penang.",
     "2024-01-05"),
    # between a month of the past and a day announced: the year nearest the announced day
    ("ASTANA, 14 March (Kazinform) - The ministers signed the plan. Trade rose in December 2022. The next "
     "council will be held on August 9, 2024.", "2024-03-14"),
    # bounded by an announced year alone: the day on the very weekday named
    ("CAIRO, Dec 19 (MENA) - The leaders met on Thursday. The next summit will be held in 2026.", "2024-12-19"),
    # a future word in another clause of a long sentence does not make an anniversary's date one to come
    ("SOFIA, July 4. /TASS/. Marking the 30th anniversary of ties (July 4, 1995 - July 4, 2025), the minister hoped "
     "the envoy will deepen trade.", "2025-07-04"),
])
def test_a_year_less_dateline_lies_between_the_past_and_the_announced(gz, text, date):
    assert find_dateline(text, gz).date == date


def test_an_agency_the_lead_names_as_reporting_is_the_source(gz):
    text = ("14.10.2024 15:22\n\nThe Minister of Foreign Affairs of Ukraine held a phone conversation with his "
            "Turkish counterpart on Monday, Ukrinform reports.")
    facts = find_dateline(text, gz)
    assert (facts.date, facts.source) == ("2024-10-14", "Ukrinform")


def test_an_agency_signing_off_a_release_is_its_source(gz):
    text = ("NAY PYI TAW, 23 April 2024 - The Union Minister received the Chinese vice minister.\n\n"
            "Senior officials were also present.-MNA\n")
    assert find_dateline(text, gz).source == "MNA"


def test_a_report_without_a_dated_dateline_resolves_its_dates_against_a_day_it_names(extract):
    record = extract(
        "Damascus, SANA- President al-Assad received on Monday Iranian Foreign Minister Hossein Amir-Abdollahian.\n\n"
        "Earlier on Monday, February 12, Foreign Minister Faisal al-Mekdad held talks with Amir-Abdollahian. The "
        "two ministers signed a programme of cooperation for the years 2024-2026, the second since the start of 2024.\n")
    assert record.published is None  # the dateline states no date
    assert {m.date for m in record.meetings} == {"2024-02-12"}


def test_a_day_named_in_the_body_keeps_to_a_weekday_told_beside_it(extract):
    # "on Thursday" is the day of the opening, not of the accord signed on 9 July: the year of the accord
    # is the first after what the report tells of the past, not one where 9 July was a Thursday
    record = extract(
        "Leaders of the two neighbours opened the new border crossing on Thursday, a step in a settlement reached "
        "in July 2018.\nAfter the two presidents signed the 9 July accord, President Kamara held talks with "
        "President Osei in the capital.\n")
    assert [m.date[:4] for m in record.meetings] == ["2018"]


def test_a_meeting_told_on_the_afternoon_of_a_day_is_of_that_day(extract):
    record = extract("HANOI, 2 October 2024 (VNA) - On the afternoon of October 1, Prime Minister Tran Van Hoa "
                     "received the Japanese Ambassador Kenji Sato at the Government Office.\n")
    assert [m.date for m in record.meetings] == ["2024-10-01"]


def test_a_session_takes_its_first_day_from_a_line_naming_it_without_a_meeting_word(extract):
    record = extract("Press release\n42nd Session of the Committee of Ministers\n(Valletta, 21-22 March 2019) -\n"
                     "Conclusions of the Chair\nThe 42nd Session of the Committee of Ministers, chaired by Mr Carmelo "
                     "Abela, Minister for Foreign Affairs of Malta, reviewed the reform.\n")
    assert [m.date for m in record.meetings] == ["2019-03-21"]


def test_a_day_to_come_in_a_sentence_of_the_meeting_is_not_its_date(extract):
    record = extract("Prime Minister Hun Manet received the New Zealand Ambassador Peter Lund at the Peace Palace. "
                     "The Prime Minister briefed his guest on the commune elections to be held on June 4, 2027.\n")
    assert [m.date for m in record.meetings] == [None]


def test_a_date_in_a_since_clause_is_not_the_meetings(extract):
    record = extract("Foreign Minister Taro Kono met Chinese Foreign Minister Wang Yi in Manila. The meeting was the "
                     "first between the two ministers since the launch of the new cabinet in December 2012.\n")
    assert [m.date for m in record.meetings] == [None]


# ---------------------------------------------------------------- page furniture
# Header and closing lines in the shapes news pages print them (written for
# these tests): what they give, and that they are told from the body.

from communique.furniture import read_furniture  # noqa: E402
from communique.pipeline import extract  # noqa: E402
from communique.text import Document, Span  # noqa: E402


def kinds(text: str, gz) -> dict[str, str]:
    return {text[line.span.start:line.span.end]: line.kind for line in read_furniture(text, gz).lines}


BODY = ("The foreign ministers of Chile and Peru held talks in Lima on Tuesday and discussed "
        "trade across their shared border.\nThey agreed to meet again before the end of the year.\n")


@pytest.mark.parametrize("header, source, date, place", [
    pytest.param("Chile and Peru ministers talk trade\nUpdated: 14 Mar 2023, 6:05 PM\nBy: EFE\n",
                 "EFE", "2023-03-14", None, id="headline-stamp-byline"),
    pytest.param("By Xinhua Published: Wed 15 Mar 2023, 9:12 AM\nChile and Peru ministers talk trade\n",
                 "Xinhua", "2023-03-15", None, id="byline-with-stamp"),
    pytest.param("XINHUA\nChile and Peru ministers talk trade\nAna Ortiz March 14, 2023\n",
                 "Xinhua", "2023-03-14", None, id="agency-line-then-author-and-date"),
    pytest.param("Chile and Peru ministers talk trade\nMarch 14, 2023 10:05 am | Updated 11:40 am IST - New Delhi\nPTI\n",
                 "PTI", "2023-03-14", "New Delhi", id="stamp-with-place-then-agency"),
    pytest.param("Source: Andina, with agencies\nChile and Peru ministers talk trade\n",
                 "Andina", None, None, id="source-line-on-top"),
    pytest.param("EFE: Chile and Peru ministers talk trade\n14.03.2023 18:05:11 CET | News\n",
                 "EFE", "2023-03-14", None, id="acronym-prefixed-headline"),
    pytest.param("Andes Daily Times\nChile and Peru ministers talk trade\n", "Andes Daily Times", None, None,
                 id="masthead"),
    pytest.param("AndesPoint.com\nChile and Peru ministers talk trade\n", "AndesPoint", None, None, id="site-domain"),
    pytest.param("Federal Department of Foreign Affairs of the Andean Confederation\nChile and Peru ministers talk "
                 "trade\n", "Federal Department of Foreign Affairs of the Andean Confederation", None, None,
                 id="ministry-masthead"),
])
def test_header_lines_in_any_order(gz, header, source, date, place):
    text = header + BODY
    facts = find_dateline(text, gz)
    assert (facts.source, facts.date, facts.place) == (source, date, place)
    # every header line is furniture, no body line is
    body_start = text.index("The foreign ministers")
    assert all(s.end <= body_start for s in facts.furniture)
    assert sum(s.end - s.start for s in facts.furniture) == sum(len(x) for x in header.splitlines())


def test_a_headline_with_a_date_is_not_the_page_date(gz):
    text = "Council of Ministers: 4 May 2020\nDebated on Friday 5 June 2020\n" + BODY
    assert find_dateline(text, gz).date == "2020-06-05"


@pytest.mark.parametrize("stamp, date", [
    ("Updated March 14", None),  # no year: nothing certain
    ("Posted 7/6/2019", None),  # day or month first?
    ("07/06/2019 | 10:15am EDT", "2019-07-06"),  # a zone that writes the month first
    ("Posted 22/06/2019 10:15", "2019-06-22"),  # only one reading
])
def test_stamp_dates_only_where_certain(gz, stamp, date):
    text = "Chile and Peru ministers talk trade\n" + stamp + "\n" + BODY
    assert find_dateline(text, gz).date == date


def test_a_range_of_days_is_the_meetings_not_the_pages(gz):
    text = "Ministerial session opens\n(Lima, 14-15 March 2023)\n" + BODY
    assert find_dateline(text, gz).date is None


def test_caption_and_standfirst_are_furniture(gz):
    text = ("Chile and Peru ministers talk trade\n"
            "The two neighbours agree to reopen two border crossings.\n"
            "Foreign Minister Ana Rojas (L) greets her Peruvian counterpart in Lima. Photo: Andina\n"
            "Updated: 14 Mar 2023\n" + BODY)
    found = kinds(text, gz)
    furniture = [text[s.start:s.end] for s in find_dateline(text, gz).furniture]
    assert found["Chile and Peru ministers talk trade"] == "headline"
    assert found["The two neighbours agree to reopen two border crossings."] == "standfirst"
    assert found["Foreign Minister Ana Rojas (L) greets her Peruvian counterpart in Lima. Photo: Andina"] == "caption"
    assert len(furniture) == 4 and BODY.splitlines()[0] not in furniture


@pytest.mark.parametrize("closing, source, date", [
    ("-Andes Press", "Andes Press", None),
    ("Source: Andina, Foreign Ministry of Peru", "Andina", None),
    ("Source: Andina and EFE", "Andina", None),  # two publishers
    ("Source: Peru Press and Information Office", "Peru Press and Information Office", None),  # one long name
    ("EFE 14 March 2023", "EFE", "2023-03-14"),
    ("(END)", None, None),
])
def test_closing_lines(gz, closing, source, date):
    text = BODY + "The ministers also spoke of fisheries and of a joint rail project.\n" + closing + "\n"
    facts = find_dateline(text, gz)
    assert (facts.source, facts.date) == (source, date)
    assert any(text[s.start:s.end] == closing for s in facts.furniture)


def test_a_body_sentence_is_no_furniture(gz):
    text = ("President Ana Rojas received the Peruvian foreign minister in Santiago on Monday, 13 March 2023, "
            "and discussed the border.\n" + BODY)
    assert find_dateline(text, gz).furniture == []


@pytest.mark.parametrize("text, place, date, source", [
    ("LIMA – Tuesday, 14 March 2023 (Andina) – The foreign ministers met.", "Lima", "2023-03-14", "Andina"),
    ("Government Palace, Lima, Peru, Tuesday 14 March 2023 – The foreign ministers met.", "Lima", "2023-03-14", None),
    ("LIMA: The foreign ministers of Chile and Peru met on Tuesday.", "Lima", None, None),
    ("Lima [Peru], March 14, 2023 : The foreign ministers met.", "Lima", "2023-03-14", None),
    ("LIMA (March 14): The foreign ministers met.", "Lima", None, None),
    ("Santiago February 6/2023 /Andina/ The foreign ministers met.", "Santiago", "2023-02-06", "Andina"),
])
def test_dateline_leads(gz, text, place, date, source):
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date, facts.source) == (place, date, source)


def test_in_furniture():
    doc = Document.from_text("Headline here\nUpdated 14 March 2023\nBody sentence one. Body two.")
    doc.set_furniture([Span(14, 35)])
    assert doc.in_furniture(14) and doc.in_furniture(20, 35)
    assert not doc.in_furniture(0) and not doc.in_furniture(36) and not doc.in_furniture(30, 40)


def test_the_stamp_dates_the_report_and_its_relative_days():
    text = ("Chile and Peru ministers talk trade\nUpdated: Wednesday 15 March 2023, 9:12 AM\nBy: EFE\n"
            "The two neighbours agree to reopen border crossings after talks.\n"
            "Chilean Foreign Minister Ana Rojas held talks with Peruvian Foreign Minister Luis Vargas "
            "in Lima on Monday.\n")
    record = extract(text)
    assert (record.published, record.source) == ("2023-03-15", "EFE")
    assert [m.date for m in record.meetings] == ["2023-03-13"]  # the standfirst's talks are the body's
    assert {p.name for p in record.meetings[0].participants} >= {"Ana Rojas", "Luis Vargas"}


LONG = " The foreign ministers of the two neighbouring states met for talks on trade, fisheries and border crossings."


@pytest.mark.parametrize("text, place, date, source", [
    pytest.param("ZORGHAVEN:" + LONG, "Zorghaven", None, None, id="unknown-place-in-capitals-colon"),
    pytest.param("UPDATE:" + LONG, None, None, None, id="a-rubric-is-no-place"),
    pytest.param("MFA:" + LONG, None, None, None, id="initials-are-no-place"),
    pytest.param("ZORGHAVEN, Ruritania -" + LONG.strip(), "Zorghaven", None, None, id="capitals-country-dash"),
    pytest.param("Riyadh:" + LONG, "Riyadh", None, None, id="known-place-colon"),
    pytest.param("Lima - TASS\n" + LONG.strip(), "Lima", None, "TASS", id="place-dash-agency-line"),
    pytest.param("New York, 23 September 2021\n" + LONG.strip(), "New York", "2021-09-23", None, id="place-date-line"),
    pytest.param("BAKU, Azerbaijan, 16 October 2023." + LONG, "Baku", "2023-10-16", None, id="place-country-date"),
    pytest.param("PINA (4 August 2014):" + LONG, None, "2014-08-04", "PINA", id="agency-date-colon"),
    pytest.param("Talks on trade\nAPP 21 Apr 2021\n" + LONG.strip(), None, "2021-04-21", "APP", id="agency-and-date-line"),
])
def test_more_dateline_and_agency_shapes(gz, text, place, date, source):
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date, facts.source) == (place, date, source)


@pytest.mark.parametrize("first_body, source", [
    ("The two sides agreed to reopen the crossings …reports Andes Press", "Andes Press"),  # a teaser names the origin
    ("The two ministers met in Lima on Monday, reports Andes Press.", None),  # a sentence quotes an agency
])
def test_reports_in_a_teaser_not_in_a_sentence(gz, first_body, source):
    text = "Chile and Peru ministers talk trade\n14 March 2023\nTrade talks\n" + first_body + "\n" + BODY
    assert find_dateline(text, gz).source == source


def test_section_words_before_a_publisher_are_dropped(gz):
    text = "Press Releases EEAS : Remarks of the High Representative after the Council\n" + BODY
    assert find_dateline(text, gz).source == "EEAS"


def test_a_short_reports_closing_line_closes_no_header(gz):
    text = ("Release No. 12\n\nVisit of the Foreign Minister of Peru\n\n"
            "The Minister of Foreign Affairs received today his Peruvian counterpart at the ministry.\n\n"
            "Santiago, 14 March 2023\n")
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date) == ("Santiago", "2023-03-14")
    furniture = [text[s.start:s.end] for s in facts.furniture]
    assert "The Minister of Foreign Affairs received today his Peruvian counterpart at the ministry." not in furniture


def test_a_pages_language_menu_does_not_use_up_the_header(gz):
    menu = "".join(f"- {item}\n" for item in ["English", "Français", "Español", "Deutsch", "Русский", "العربية",
                                               "日本語", "简体字", "Politics"])
    text = f"Ministers Reaffirm Ties\n{menu}Tokyo, Dec. 11, 2024 (Kyodo) -- Japan's foreign minister met his counterpart.\n"
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date, facts.source) == ("Tokyo", "2024-12-11", "Kyodo")


def test_a_region_between_the_city_and_the_date(gz):
    text = "Washington, D.C., January 25, 2024 - The Secretary of State met the Foreign Minister of Chile.\n"
    facts = find_dateline(text, gz)
    assert (facts.place, facts.date) == ("Washington", "2024-01-25")
    assert evidence_text(text, facts, "date") == "January 25, 2024"


@pytest.mark.parametrize("line, place, date, source", [
    ("Yerevan, May 20, 2024. ARMENPRESS. The Foreign Minister met the ambassador.", "Yerevan", "2024-05-20", "Armenpress"),
    ("Phnom Penh, November 15, 2023 -- AKP -- The Foreign Minister met the ambassador.", "Phnom Penh", "2023-11-15", "AKP"),
    ("Nov 15, 2023 (Reuters) - The Foreign Minister met his counterpart.", None, "2023-11-15", "Reuters"),
    ("Kyiv, 15 November 2023, 14:20 The Foreign Minister met the ambassador.", "Kyiv", "2023-11-15", None),
    ("Manila, Philippines — The Foreign Secretary met the ambassador.", "Manila", None, None),
])
def test_more_wire_layouts(gz, line, place, date, source):
    facts = find_dateline(line + "\n", gz)
    assert (facts.place, facts.date, facts.source) == (place, date, source)


@pytest.mark.parametrize("closing, source", [
    ("(ANI)", "ANI"), ("/KUNA/", "KUNA"), ("© 2023 Trend News Agency", "Trend News Agency"),
    ("Copyright © 2024 Bernama", "Bernama"),
])
def test_a_closing_line_names_the_publisher(extract, closing, source):
    record = extract(f"The Foreign Minister met the ambassador in Baku on Monday. They discussed trade.\n\n{closing}\n")
    assert record.dateline.source == source



def test_an_agency_the_lead_says_reported_is_quoted_not_the_publisher(gz):
    facts = find_dateline("The leaders of Ethiopia and Eritrea met on Sunday in Asmara, Reuters reported.\n", gz)
    assert facts.source is None
    facts = find_dateline("The foreign ministers met in Astana on Monday, a Kazinform correspondent reports.\n", gz)
    assert facts.source == "Kazinform"



def test_shapes_of_scraped_headers(gz):
    # a glyph the page lost before the dateline; a date written with spaces after its points; "(Source X)" on top
    assert find_dateline("Ministers meet in Bali\n?Jakarta: The minister held a bilateral meeting.\n", gz).place == "Jakarta"
    assert find_dateline("Leaders to meet next week\n12. 02. 2021.\nOn 17 February the leaders meet.\n", gz).date == "2021-02-12"
    assert find_dateline("Remarks upon arrival\n\n(Source EEAS)\nCheck against delivery!\n", gz).source == "EEAS"



def test_a_year_less_dateline_after_what_the_report_says_has_held_since(gz):
    text = ("YEREVAN, NOVEMBER 14, ARMENPRESS. The council met in Yerevan today, chaired by the Prime Minister of "
            "Armenia, whose country has held the chairmanship since January 1, 2024.\n")
    assert find_dateline(text, gz).date == "2024-11-14"


def test_a_year_less_dateline_in_the_year_the_report_names_alone(gz):
    text = ("VIENTIANE, Mar 13 (KPL) – The Prime Minister thanked Brunei for its support for the ASEAN Chairmanship "
            "in 2024 and recalled the joint commission held in Bandar Seri Begawan in August 2022.\n")
    assert find_dateline(text, gz).date == "2024-03-13"



def test_the_day_the_lead_calls_today_dates_the_report(gz):
    text = "Jakarta: The foreign ministers held a bilateral meeting in Bali today, July 7, 2022.\n"
    assert find_dateline(text, gz).date == "2022-07-07"


def test_a_header_of_publisher_unit_and_place_between_bullets(gz):
    text = "Chile and Peru ministers talk trade\nPress Office \u2022 News Division \u2022 Lima |\n" + BODY
    facts = find_dateline(text, gz)
    assert (facts.source, facts.place) == ("Press Office", "Lima")


def test_a_year_alone_dates_the_meeting_word_held_right_before_it(extract):
    record = extract("WASHINGTON, 5 June 2019 (AP) - The first OAS General Assembly was held in 1970 in Washington.\n")
    assert [m.date for m in record.meetings] == ["1970"]
