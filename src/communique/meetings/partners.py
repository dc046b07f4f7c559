"""Partners told together are one meeting each ("received A of X, B of Y and
C of Z", "held talks with the presidents of A and B"), unless the sentence
says they met together: the convention of every event dataset, where a
meeting is a dyad unless it is a session or a multilateral format."""
from __future__ import annotations

from dataclasses import replace

from ..coreference import Person
from ..text import Span
from .lexicon import LISTED_NEXT, ONE_BY_ONE, MeetingDraft
from .reader import MeetingReader

_ONE_TO_ONE = ("talks", "reception", "call")


def split_partner_lists(reader: MeetingReader) -> list[MeetingDraft]:
    out: list[MeetingDraft] = []
    for meeting in reader.meetings:
        out.extend(_split_by_states(meeting, reader) if len(meeting.partner_states) >= 2 else _split(meeting, reader))
    out = [m for m in out if not _told_again(m, out)]
    for m in out:
        _named_after(m, reader)
    return out


_NAMED_WITHIN = 600  # characters after a meeting word in which a state's partner is then named


def _named_after(m: MeetingDraft, reader: MeetingReader) -> None:
    """"held meetings with her counterparts from Norway and China. With Norwegian Foreign Minister Borge
    Brende she discussed ...": the state's person named next is that meeting's partner."""
    if not _partner_unnamed(m):
        return
    start = m.trigger.end
    named = sorted(((span.start, p, span) for p in reader.people.people if _affiliation(p) == m.partner_state
                    for span in p.mentions if start <= span.start < start + _NAMED_WITHIN), key=lambda x: x[0])
    if named:
        _, person, span = named[0]
        m.add(person, span)
        m.principals.add(person.id)


def _partner_unnamed(m: MeetingDraft) -> bool:
    """A meeting with a state's side whose person the sentence did not name."""
    return m.partner_state is not None and all(_affiliation(p) != m.partner_state for p, _ in m.participants.values())


def _told_again(m: MeetingDraft, meetings: list[MeetingDraft]) -> bool:
    """"He met his counterparts from Mexico and Armenia. ... He also met Mexico's Alicia Barcena":
    a meeting with a state's side the text then tells with its person is that meeting."""
    if not _partner_unnamed(m):
        return False
    ours = set(m.participants)
    return any(other is not m and other.partner_state is None and ours < set(other.participants) and
               {_affiliation(p) for pid, (p, _) in other.participants.items() if pid not in ours} == {m.partner_state} and
               (other.date_span is None or m.date_span is None or other.date[:10] == m.date[:10])
               for other in meetings)


def _split_by_states(m: MeetingDraft, reader: MeetingReader) -> list[MeetingDraft]:
    """"Peters met the foreign ministers of Singapore, Indonesia and Vietnam": a meeting with
    each state's side, its people where the text names them, the subject's at every one."""
    listed = set(m.partner_states)
    shared = {pid: value for pid, value in m.participants.items() if _affiliation(value[0]) not in listed}
    if not shared:
        return [m]  # no one named on the side that met them all
    out = []
    for state in m.partner_states:
        participants = dict(shared)
        participants.update((pid, value) for pid, value in m.participants.items() if _affiliation(value[0]) == state)
        out.append(_part(m, participants, [], reader, partner_states=[], partner_state=state))
    return out


def _part(m: MeetingDraft, participants: dict, hosts: list[Person], reader: MeetingReader, **more) -> MeetingDraft:
    """One of the meetings a meeting told with several partners splits into; the host of talks as a whole,
    inferred before the split, is found again for each ("met the President, the Prime Minister and ...")."""
    chair = m.chair if m.chair is not None and m.chair.id in participants and m.kind != "talks" else None
    if chair is None and m.kind == "reception" and hosts:  # "called on the President and the Prime Minister": each hosts
        chair = max(hosts, key=lambda p: reader.gz.role_rank.get(p.role or "", 0))
    part = replace(m, participants=participants, principals=set(participants), chair=chair,
                   formats=set(m.formats), evidence=list(m.evidence), stated_at=set(m.stated_at),
                   absent=set(m.absent), **more)
    if part.kind == "talks" and part.chair is None:
        part.host = None
        reader.reception_or_talks(part)
    if part.kind == "talks" and part.chair is None:
        reader.host_of_talks(part)  # each guest's talks in the host's capital: the host's
    return part


def _affiliation(p: Person) -> str | None:
    return p.country or p.org


def _split(m: MeetingDraft, reader: MeetingReader) -> list[MeetingDraft]:
    if m.kind not in _ONE_TO_ONE or m.body is not None or m.org or m.chair_span is not None:
        return [m]  # a chaired meeting is one table, whoever sits at it
    phrase = m.trigger.phrase
    if phrase not in reader.lex.verbs and phrase.split()[0] not in reader.lex.specific and not reader.is_gerund(m.trigger) \
            and not phrase.endswith("meetings"):
        return [m]  # "The Meeting was held with ...": a noun tells of one gathering; "held meetings with A and B": two
    sentence = reader.doc.sentence_of(m.trigger.start)
    if reader.lex.together.search(reader.text, sentence.start, sentence.end):
        return [m]
    stated = [(p, span) for pid, (p, span) in m.participants.items()
              if pid in m.principals and sentence.start <= span.start < sentence.end]
    group = [r for r in reader.plural_refs if m.trigger.end <= r.start < reader.clause_end(m.trigger.end)]
    at_group = {r.start for r in reader.plural_refs if sentence.start <= r.start < sentence.end}
    one_by_one = bool(at_group) and ONE_BY_ONE.search(reader.text, sentence.start, sentence.end) is not None
    if m.partner_list is not None or one_by_one:
        # "... three new ambassadors. The ambassadors are A from X, B from Y and C from Z", "received the credentials
        # of five new envoys" (each presents his own): each where named
        listed_from = m.partner_list.start if m.partner_list is not None else m.trigger.end
        named_there = {p.id: next((s for s in p.mentions if s.start >= listed_from), None)
                       if span.start in at_group or (m.partner_list is not None and span.start >= listed_from) else None
                       for p, span in m.participants.values()}
        stated = [(p, span) for p, span in stated if named_there[p.id] is None] + \
            [(p, named_there[p.id]) for p, _ in m.participants.values() if named_there[p.id] is not None]
    named = [span for _, span in stated if span.start >= m.trigger.end and not any(r.start == span.start for r in group)]
    if group and len(named) < 2:
        # "received the foreign ministers of the member states": received as a group; not
        # "met the heads of government of A and B, X and Y respectively"
        return [m]
    # "A held talks with B and C", "A called on B and C": the subject; else the host
    side = [p for p, span in stated if span.start < m.trigger.start] or ([m.chair] if m.chair is not None else [])
    if not side or (m.host is not None and m.host.id in m.participants and m.host not in side):
        return [m]  # "X was received by A, B and C": those after the verb are the one side that hosts
    side_ids = {p.id for p in side}
    calling = phrase in reader.lex.guest_verbs  # "called on A, B and C": the guest calls on each host
    own = {_affiliation(p) for p in side} - {None}
    groups: dict[str, list[tuple[Person, Span]]] = {}
    last: str | None = None
    by_state: dict[str, str] = {}
    previous_end: int | None = None
    for p, span in sorted(stated, key=lambda x: x[1].start):
        if p.id in side_ids or span.start < m.trigger.start:
            continue
        if _affiliation(p) in own and not calling:
            continue  # the subject's own officials are at every one of the meetings
        if _affiliation(p) is None:
            if last is not None:
                groups[last].append((p, span))  # an official the text gives no state: with the one before
            previous_end = span.end
            continue
        # "met with Secretary of State A and Secretary of Defense B": partners listed one after the
        # other, each a meeting; an official of a listed partner's state told otherwise ("A, who came
        # with the delegation headed by C") is at that partner's meeting
        listed = previous_end is None or LISTED_NEXT.fullmatch(reader.text, previous_end, span.start) is not None
        state = _affiliation(p)
        last = by_state[state] if state in by_state and not (calling or listed) else p.id
        by_state.setdefault(state, last)
        groups.setdefault(last, []).append((p, span))
        previous_end = span.end
    if len(groups) < 2:
        return [m]
    grouped = {p.id for members in groups.values() for p, _ in members}
    shared = {pid: value for pid, value in m.participants.items() if pid not in grouped}
    out = []
    for members in groups.values():
        participants = dict(shared)
        participants.update((p.id, (p, span)) for p, span in members)
        out.append(_part(m, participants, [p for p, _ in members], reader))
    return out
