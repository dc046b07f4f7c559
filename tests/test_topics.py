"""Stage 8: what was discussed, as short phrases after discussion cues."""
from __future__ import annotations

import re

import pytest

from communique.topics import _cues, find_topics
from communique.text import Document


def topics(text: str) -> list[str]:
    found = find_topics(Document.from_text(text))
    for t in found:
        assert text[t.start:t.end] == t.text
    return [t.text for t in found]


def normalised(phrases: list[str]) -> list[str]:
    return [" ".join(p.split()) for p in phrases]


@pytest.mark.parametrize("text, key_words", [
    ("The talks focused on trade and investment.", ["trade", "investment"]),
    ("The ministers exchanged views on regional security.", ["regional security"]),
    ("The sides touched upon cooperation in the energy sector.", ["energy sector"]),
])
def test_cue_gives_a_short_phrase_with_the_key_words(text, key_words):
    found = topics(text)
    assert found, text
    joined = " | ".join(found)
    for word in key_words:
        assert word in joined
    for phrase in found:
        assert len(phrase.split()) <= 8
        assert not phrase.rstrip().endswith((".", ","))


def test_listed_subjects_are_split():
    found = normalised(topics("The ministers exchanged views on regional security, and the situation in "
                              "Afghanistan."))
    assert len(found) == 2
    assert found[0].endswith("regional security")
    assert found[1].endswith("situation in Afghanistan")


def test_as_well_as_splits():
    found = normalised(topics("The parties focused on water management as well as border crossings."))
    assert len(found) == 2
    assert "water management" in found[0]
    assert "border crossings" in found[1]


def test_no_topic_longer_than_the_configured_maximum():
    limit = _cues().max_words
    text = ("The parties discussed a very long list of extremely important matters concerning the future "
            "development of economic relations between the two brotherly countries in the coming decade and "
            "well beyond it.")
    found = topics(text)
    assert found
    for phrase in found:
        assert len(re.findall(r"\S+", phrase)) <= limit


def test_repeated_topic_is_given_once():
    found = normalised(topics("The ministers focused on regional security. Later the presidents also focused on "
                              "regional security."))
    assert found.count("regional security") == 1


def test_no_cue_no_topic():
    assert topics("The ministers arrived in Minsk on Monday and left on Tuesday.") == []


def test_record_topics_and_their_evidence(extract):
    text = ("MINSK, 20.05.2021 (BelTA) - Belarusian Foreign Minister Vladimir Makei held talks with his Serbian "
            "counterpart Nikola Selakovic in Minsk on Wednesday. The ministers touched upon cooperation in the "
            "energy sector.")
    record = extract(text)
    assert record.topics == [t.text for t in record.topic_evidence]
    assert any("energy sector" in t for t in record.topics)
    for t in record.topic_evidence:
        for e in t.evidence:
            assert text[e.start:e.end] == e.text == t.text


def test_topic_has_no_surrounding_whitespace_or_leading_article():
    assert topics("The talks focused on trade and investment.") == ["trade and investment"]
    assert topics("The sides touched upon the situation in the region.") == ["situation in the region"]
