"""Every evidence object of a record points at the exact words it quotes."""
from __future__ import annotations

import pytest

from conftest import dumped, walk_evidence

REPORTS = {
    "cis-session": """\
CIS foreign ministers meet in Bishkek
BISHKEK, 03.11.2021 (Kabar) – Yesterday, a meeting of the Council of Foreign Ministers of the Commonwealth of Independent States was held in Bishkek under the chairmanship of the Minister of Foreign Affairs of Kyrgyzstan Ruslan Kazakbaev.
The meeting was held in narrow and expanded formats. It was attended by the foreign ministers of Armenia Ararat Mirzoyan, Belarus Vladimir Makei, Kazakhstan Mukhtar Tileuberdi, Russia Sergey Lavrov and Tajikistan Sirojiddin Mukhriddin, as well as CIS Secretary General Sergei Lebedev.
Before the meeting, the ministers were received by the President of Kyrgyzstan Sadyr Japarov.
The ministers exchanged views on regional security and touched upon cooperation in the humanitarian sphere. Muhriddin noted the importance of transport links between the member states.
Following the meeting, statements were adopted on the anniversary of the Commonwealth, on countering terrorism, as well as on digital cooperation. The ministers also approved the Programme of cooperation in the field of culture for 2022-2024.
The next meeting of the Council will be held in Minsk in April.
""",
    "gulf-reception": """\
ABU DHABI, (Gulf Wire / WAM - 02nd May, 2021) -- Sheikh Abdullah bin Zayed Al Nahyan, Minister of Foreign Affairs and International Cooperation, received Turki bin Abdullah Al Dakhil, Saudi Ambassador to the UAE, at his office in Abu Dhabi on Sunday.
During the meeting, they discussed the bilateral relations and ways to enhance them, and the Saudi Ambassador conveyed greetings.
Later, Sheikh Abdullah had a telephone conversation with Egyptian Foreign Minister Sameh Shoukry.
""",
    "ministry-release": """\
22 June, 2018\r
Minister of Foreign Affairs of the Republic of Tajikistan Sirojiddin Aslov received the newly appointed Ambassador of Turkey İsmail Hakkı Demir on 21 June.\r
The sides focused on trade, energy and transport links, and signed a memorandum of understanding on consular cooperation.\r
""",
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_evidence_quotes_the_text(extract, name):
    text = REPORTS[name]
    data = dumped(extract(text))
    found = list(walk_evidence(data))
    assert len(found) >= 10, f"too little evidence in {name}: {len(found)}"
    for path, e in found:
        assert 0 <= e["start"] <= e["end"] <= len(text), (path, e)
        assert text[e["start"]:e["end"]] == e["text"], (path, e, text[e["start"]:e["end"]])


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_value_section_has_evidence(extract, name):
    record = extract(REPORTS[name])
    assert record.meetings, name
    for meeting in record.meetings:
        assert meeting.evidence
        for p in meeting.participants:
            assert p.evidence
        if meeting.date_evidence:
            assert meeting.date is not None
    for person in record.people:
        assert person.mentions
        assert any(m.text in person.names for m in person.mentions)
    for state in record.states:
        assert state.evidence


def test_walk_finds_nested_evidence(extract):
    # the walker itself: it reaches dateline, meeting, participant, person, state and topic evidence
    data = dumped(extract(REPORTS["cis-session"]))
    paths = [p for p, _ in walk_evidence(data)]
    for prefix in ("$.dateline.evidence", "$.meetings[0].evidence", "$.meetings[0].participants[0].evidence",
                   "$.meetings[0].org.evidence", "$.meetings[0].adopted[0].evidence", "$.people[0].mentions",
                   "$.people[0].roles[0].evidence", "$.states[0].evidence", "$.dates[0].evidence",
                   "$.topic_evidence[0].evidence"):
        assert any(p.startswith(prefix) for p in paths), prefix
