"""Stage 2: date expressions resolved against the report's own date."""
from __future__ import annotations

import datetime as dt

import pytest

from communique.dates import find_dates, parse_date

THURSDAY = dt.date(2021, 5, 20)  # 20 May 2021 was a Thursday


def only(text: str, reference: dt.date | None):
    found = find_dates(text, reference)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize("text, printed, value, relative", [
    ("The ministers met yesterday in Minsk.", "yesterday", "2021-05-19", True),
    ("The consultations took place on Tuesday in Baku.", "on Tuesday", "2021-05-18", True),
    ("The delegations met on the 18th in Tbilisi.", "on the 18th", "2021-05-18", True),
    ("The delegations met on the 20th in Tbilisi.", "on the 20th", "2021-05-20", True),
    ("The agreement has been in force since December 2020.", "December 2020", "2020-12", False),
    ("The plan of consultations for the second half of 2021 was approved.", "second half of 2021", "2021", False),
    ("The protocol was signed on 19.05.2021 in Baku.", "19.05.2021", "2021-05-19", False),
    ("The protocol was signed on 2021-05-19 in Baku.", "2021-05-19", "2021-05-19", False),
    ("The memorandum was signed on 02nd May, 2021 in Abu Dhabi.", "02nd May, 2021", "2021-05-02", False),
    ("The forum opened on Thursday 10 August 2017 in Suva.", "on Thursday 10 August 2017", "2017-08-10", False),
    ("Suva, Thursday 10 August 2017 - The ministers arrived.", "Thursday 10 August 2017", "2017-08-10", False),
    ("The talks were held on May 5, 2020 in Vienna.", "May 5, 2020", "2020-05-05", False),
    ("The ministers met this morning in Riga.", "this morning", "2021-05-20", True),
    ("The ministers met last Friday in Riga.", "last Friday", "2021-05-14", True),
    # a meeting over days is dated by its first
    ("The summit was held in Maseru on 12th and 13th May 2019.", "12th and 13th May 2019", "2019-05-12", False),
    ("The council met in Oslo on June 3 to 5, 2019.", "June 3 to 5, 2019", "2019-06-03", False),
    ("In Apia on Monday and Tuesday, the minister met the premier.", "on Monday and Tuesday", "2021-05-17", True),
    # the part of the day belongs to the date ("the Declaration of 1 October" does not)
    ("On the evening of 18 May, the president received the envoy.", "evening of 18 May", "2021-05-18", True),
    ("The communique was issued on 21-06-2018 in Budapest.", "21-06-2018", "2018-06-21", False),
    ("The summit opened on 7 th July 2024 in Abuja.", "7 th July 2024", "2024-07-07", False),
    # a part of a month is the month
    ("The summit was held at the end of April in Lima.", "end of April", "2021-04", True),
])
def test_resolution(text, printed, value, relative):
    d = only(text, THURSDAY)
    assert d.text == printed
    assert d.value == value
    assert d.relative is relative


def test_on_the_nth_after_the_reference_is_last_month():
    d = only("The delegations met on the 28th in Tbilisi.", THURSDAY)
    assert d.value == "2021-04-28"


def test_month_day_without_year_takes_the_reference_year():
    d = only("The ministers met on July 17 in Vienna.", dt.date(2021, 7, 20))
    assert d.text == "July 17"
    assert d.value == "2021-07-17"
    assert d.relative is True


def test_month_day_months_after_the_reference_is_the_previous_year():
    # a report of 1 March speaks of last July, not of a July still to come
    d = only("The ministers met on July 17 in Vienna.", dt.date(2021, 3, 1))
    assert d.value == "2020-07-17"


def test_day_month_without_year_after_the_reference_is_the_previous_year():
    found = find_dates("The sides last met on 17 November in Hanoi", dt.date(2021, 3, 1))
    assert [d.value for d in found] == ["2020-11-17"]


def test_weekday_of_the_reference_day_is_that_day():
    assert only("The talks were held on Thursday.", THURSDAY).value == "2021-05-20"


def test_relative_dates_without_reference_are_unresolved():
    d = only("The ministers met yesterday in Minsk.", None)
    assert d.value is None
    assert d.relative is True
    d = only("The ministers met on July 17 in Vienna.", None)
    assert d.value is None


def test_impossible_date_is_found_but_not_resolved():
    d = only("The protocol was dated 31.02.2021 by mistake.", THURSDAY)
    assert d.value is None


def test_several_dates_in_order_with_offsets():
    text = ("The Commission, set up on 12.03.2015, met yesterday and will report for the first half of 2022; "
            "its plan has been in force since January 2019.")
    found = find_dates(text, THURSDAY)
    assert [d.value for d in found] == ["2015-03-12", "2021-05-19", "2022", "2019-01"]
    for d in found:
        assert text[d.start:d.end] == d.text
    assert [d.start for d in found] == sorted(d.start for d in found)


def test_may_as_a_verb_is_not_a_date():
    assert find_dates("The sides may meet again if the situation allows.", THURSDAY) == []


def test_parse_date_returns_first_value():
    assert parse_date("Signed in Baku on 02nd May, 2021 and in Ankara on 3 May 2021") == "2021-05-02"
    assert parse_date("no date here") is None


def test_sentence_full_stop_is_not_part_of_the_date():
    d = only("The ministers met in Vienna on 17 July.", dt.date(2021, 7, 20))
    assert d.text == "17 July"
    assert d.value == "2021-07-17"


def test_the_same_day_is_a_day_already_past_not_a_month_or_a_day_to_come():
    text = ("The envoy arrived today. The leaders last met in March 2019, and the forum opens on 30 May. "
            "On the same day the envoy laid a wreath.")
    found = find_dates(text, THURSDAY)  # THURSDAY is 20 May 2021
    assert found[-1].text == "On the same day"
    assert found[-1].value == "2021-05-20"


def test_a_month_of_that_year_takes_the_year_last_stated():
    found = find_dates("Ties were cool in 2019, when the ministers first met in Oslo in June of that year.", THURSDAY)
    assert [d.value for d in found] == ["2019", "2019-06"]


@pytest.mark.parametrize("text, printed, value", [
    ("The two ministers last met in Jakarta last month.", "last month", "2021-04"),
    ("They spoke by phone earlier this month.", "earlier this month", "2021-05"),
    ("The envoys met in Geneva earlier this week.", "earlier this week", "2021-05"),
    ("The envoys met in Geneva last week.", "last week", "2021-05"),
    ("The leaders first met in Hanoi last year.", "last year", "2020"),
])
def test_a_period_is_resolved_against_the_reference(text, printed, value):
    d = only(text, THURSDAY)
    assert (d.text, d.value, d.relative) == (printed, value, True)


def test_a_past_week_across_two_months_has_no_month():
    # the week before Wednesday 3 March 2021 ran from 22 to 28 February; the one before 7 April 2021, from
    # 29 March to 4 April
    assert only("The envoys met in Geneva last week.", dt.date(2021, 3, 3)).value == "2021-02"
    assert only("The envoys met in Geneva last week.", dt.date(2021, 4, 7)).value is None
    # Friday 2 April 2021: this week began on 29 March
    assert only("The envoys met in Geneva earlier this week.", dt.date(2021, 4, 2)).value is None


def test_this_years_summit_is_no_date():
    assert find_dates("This year's summit opened in Lima.", THURSDAY) == []
