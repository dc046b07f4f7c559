"""The report as the stages see it: sentences."""
from __future__ import annotations

from communique.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_a_list_after_a_colon_stays_with_its_lead():
    text = "The meeting was attended by:\n- Foreign Minister A;\n- Foreign Minister B.\n"
    assert sentences(text) == [text.strip()]


def test_a_paragraph_after_a_colon_and_a_blank_line_is_a_sentence_of_its_own():
    text = ("The below is attributable to Spokesperson Jane Roe:\n\n"
            "Secretary Smith spoke today with Foreign Minister Doe about the coming summit in Lima.\n")
    assert sentences(text) == ["The below is attributable to Spokesperson Jane Roe:",
                               "Secretary Smith spoke today with Foreign Minister Doe about the coming summit in Lima."]
