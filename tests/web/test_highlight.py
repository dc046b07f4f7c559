"""Evidence highlighting: marks nest, crossing spans are split, everything
between and inside them is escaped, and removing the marks gives the text back."""
from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from communique import extract
from communique.web.highlight import KINDS, Span, highlight, meeting_spans, record_spans

TAG = re.compile(r'<mark class="[a-z ]+" title="[^"<>]*">|</mark>')


def plain(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def balanced(markup: str) -> bool:
    depth = 0
    for tag in TAG.findall(markup):
        depth += -1 if tag == "</mark>" else 1
        if depth < 0:
            return False
    return depth == 0


def test_nested_and_crossing_spans():
    text = "meeting of the Council of Foreign Ministers"
    out = str(highlight(text, [Span(0, 43, "meeting", "a meeting"), Span(15, 43, "body", "the body"),
                               Span(8, 22, "org", "crossing")]))
    assert out.startswith('<mark class="meeting" title="a meeting">meeting ')
    assert '<mark class="org" title="crossing">of the ' in out
    assert out.count('class="body"') == 2  # split where the org, begun before it, ends
    assert plain(out) == text and balanced(out)


def test_same_range_is_one_mark_with_every_kind():
    out = str(highlight("Sergey Lavrov met", [Span(0, 13, "person", "person: Sergey Lavrov"),
                                              Span(0, 13, "participant", "participant: Sergey Lavrov")]))
    assert out.count("<mark") == 1
    assert 'class="participant person"' in out and "participant: Sergey Lavrov\nperson: Sergey Lavrov" in out


def test_markup_in_text_and_titles_is_escaped():
    text = '<script>alert(1)</script> <img src=x onerror="alert(2)">'
    out = str(highlight(text, [Span(0, 8, "topic", '"><script>alert(3)</script>'), Span(26, 56, "person", "x")]))
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in out
    assert 'title="&#34;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"' in out
    assert plain(out) == text


def test_spans_that_do_not_fit_the_text_are_left_out():
    text = "Astana hosts"
    out = str(highlight(text, [Span(0, 6, "place", "ok", "Astana"), Span(0, 6, "place", "stale", "Minsk!"),
                               Span(7, 99, "date", "past the end"), Span(3, 3, "date", "empty"),
                               Span(0, 6, "script", "unknown kind")]))
    assert out == '<mark class="place" title="ok">Astana</mark> hosts'


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from(KINDS),
                                                st.text(max_size=8)), max_size=12))
def test_any_spans_give_the_text_back(text, raw):
    out = str(highlight(text, [Span(a, b, k, t) for a, b, k, t in raw]))
    assert balanced(out)
    assert plain(out) == text
    assert "<" not in TAG.sub("", out)


def test_every_value_of_a_record_is_marked():
    text = ("DUSHANBE, 15.06.2024 (NIAT Khovar) – Yesterday, a meeting of the Council of Foreign Ministers of the "
            "CSTO was held in Dushanbe under the chairmanship of the Minister of Foreign Affairs of Tajikistan "
            "Sirojiddin Mukhriddin.\nThe ministers adopted a statement on strengthening collective security.\n")
    record = extract(text).model_dump(mode="json")
    [meeting] = record["meetings"]
    out = str(highlight(text, meeting_spans(meeting) + record_spans(record, meetings=False)))
    marked = {m.group(2): m.group(1) for m in re.finditer(r'<mark class="([a-z ]+)" title="[^"]*">([^<]+)', out)}
    assert "org" in marked["CSTO"]
    assert "chair" in marked["Sirojiddin Mukhriddin"]
    assert "place" in marked["Dushanbe"]
    assert "date" in marked["Yesterday"]
    assert any("adopted" in kinds for kinds in marked.values())
    assert plain(out) == text
