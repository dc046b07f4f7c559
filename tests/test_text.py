"""The report as the stages see it: sentences."""
from __future__ import annotations

from communique.text import Document, split_sentences


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


def test_no_sentence_ends_after_a_dotted_honorific_or_rank():
    text = ("The delegation was received by H.E. Dr. Amara Koné and Brig. Gen. Tomas Reyes. "
            "Both spoke of trade.")
    assert sentences(text) == ["The delegation was received by H.E. Dr. Amara Koné and Brig. Gen. Tomas Reyes.",
                               "Both spoke of trade."]


def test_a_hard_wrapped_sentence_is_one_sentence():
    text = ("The session, chaired by Ms Lena Varga, Minister for Foreign Affairs of\n"
            "Hungary, was held in Vienna.\nThe next one is due in spring.\n")
    assert sentences(text) == ["The session, chaired by Ms Lena Varga, Minister for Foreign Affairs of\n"
                               "Hungary, was held in Vienna.", "The next one is due in spring."]


def test_a_heading_over_a_capitalised_line_stays_apart():
    text = "Conclusions of the Chair\nThe ministers met in Oslo on Monday.\n"
    assert sentences(text) == ["Conclusions of the Chair", "The ministers met in Oslo on Monday."]


def test_curly_quotes_are_made_plain_with_offsets_kept():
    text = "Dato’ Sri Aziz said “we agree” at the ministers` meeting."
    doc = Document.from_text(text)
    assert doc.text == "Dato' Sri Aziz said \"we agree\" at the ministers' meeting."
    assert len(doc.text) == len(text) == len(doc.lower)


def test_wire_copy_wrapped_at_a_fixed_width_is_read_as_sentences_across_its_lines():
    text = ("KARACHI, Sep 15 (APP): Prime Minister Imran Siddiqui\n"
            "Friday emphasized the importance of engagement between Pakistan and\n"
            "the United Kingdom, to pursue common objectives and issues of\n"
            "mutual interest. He was talking to the High Commissioner of the\n"
            "United Kingdom Jane Marriott who called on him here at the PM House.\n"
            "In a separate call-on by the Ambassador of Afghanistan Omar Saeed\n"
            "Zaki, the Prime Minister highlighted the commitment to peace.\n")
    sentences = [" ".join(text[s.start:s.end].split()) for s in split_sentences(text)]
    assert sentences[0].endswith("Imran Siddiqui Friday emphasized the importance of engagement between Pakistan "
                                 "and the United Kingdom, to pursue common objectives and issues of mutual interest.")
    assert sentences[-1].startswith("In a separate call-on by the Ambassador of Afghanistan Omar Saeed Zaki, the")
