"""What the whole report implies once it is read: a session's office holders, hosts, kinds, dates and places carried over, restatements merged."""
from __future__ import annotations

from ..furniture import shapes
from .lexicon import LEVEL_ROLES, MeetingDraft, days_apart

LEADERS = ("head_of_state", "head_of_government")  # of either rank, they hold talks with each other


class Settling:
    def settle(self, published: str | None, dateline_place: str | None) -> None:
        everyone = self.people.people
        for m in self.meetings:
            if m.setting is not None:
                for p, span in list(m.participants.values()):
                    m.setting.add(p, span)
                if m.location_span is None and m.setting.location_span is not None:
                    # "on the sidelines of the 73rd session of the General Assembly in New York": there
                    setting = m.setting
                    m.location, m.location_country, m.location_span = \
                        setting.location, setting.location_country, setting.location_span
        for idx, m in enumerate(self.meetings):
            previous = self.meetings[idx - 1] if idx else None
            if m.level and m.kind in ("session", "summit") and not self._recalled(m):
                # the office holders the report names attend its session, not one it recalls
                roles = LEVEL_ROLES.get(m.level, set())
                members = self.gz.orgs[m.org].members if m.org in self.gz.orgs else frozenset()
                for p in everyone:
                    if p.id in m.absent or not p.claims:
                        continue  # only office holders the text itself names as such
                    if p.role in roles and (not members or p.country in members) and p.country:
                        m.add(p, p.mentions[0])
                    elif p.role == "secretary_general" and m.org and p.org == m.org:
                        m.add(p, p.mentions[0])
            for pid in m.absent:
                m.participants.pop(pid, None)
            if m.chair is None and m.chair_state:
                fits = [p for p, _ in m.participants.values() if p.country == m.chair_state]
                level = LEVEL_ROLES.get(m.level or "", set())
                fits = [p for p in fits if p.role in level] or fits
                if fits:
                    m.chair = fits[0]
            if m.kind == "summit" and self._two_states_summit(m):
                m.kind = "talks"  # "the Clinton-Yeltsin summit": leaders of two states hold talks (FORMAT.md)
            if m.kind in ("talks", "reception"):
                self.reception_or_talks(m)
                self._host_at_home(m)
            if m.date is None:
                m.date = previous.date if previous and previous.date and not self._recalled(previous) else published
            if m.location_country and m.location == self.gz.state_name(m.location_country) and dateline_place and \
                    self.gz.places.get(dateline_place) == m.location_country and self._news_day(m.date, published):
                m.location = dateline_place  # "talks in South Korea" filed from Seoul that day: Seoul
            if m.at_venue and dateline_place and self.gz.places.get(dateline_place) and self._news_day(m.date, published):
                m.location = dateline_place  # "at the Reception House" filed from Moscow that day: Moscow
            if m.location is None and m.kind != "call":
                source = next((x for x in reversed(self.meetings[:idx]) if x.location and x.kind != "call"
                               and not self._recalled(x)), None)
                if source is not None:
                    m.location, m.location_country = source.location, source.location_country
                elif dateline_place:
                    m.location = dateline_place
            if m.kind == "talks" and m.chair is None:
                self.host_of_talks(m)
            if m.kind == "summit" and m.chair is None:
                self.host_of_summit(m)
        # a meeting dated after the report is announced, not held
        self.meetings = [m for m in self.meetings
                         if not (m.date_span is not None and published and len(m.date) == 10 and m.date > published)]
        self._merge_restatements()
        self._merge_captions()
        self._merge_into_sessions()

    @staticmethod
    def _news_day(date: str | None, published: str | None) -> bool:
        """Whether a meeting falls on the days the report is filed (a month-only
        date in the report's own month does too)."""
        if not date or not published:
            return True
        if len(date) < 10:
            return published.startswith(date)
        return days_apart(date, published) <= 3

    def host_of_talks(self, m: MeetingDraft) -> None:
        """Talks of two states held in one side's capital are hosted by its
        highest-ranking official there ("Fidan held talks with Araghchi in Ankara": Fidan)."""
        country = m.location_country or self.gz.places.get(m.location or "")
        if not country or not self.gz.is_capital(m.location, country):
            return  # a resort or a summit's venue is no host's seat ("talks in Hawaii", "in Bali")
        people = [p for p, _ in m.participants.values()]
        hosts = [p for p in people if p.country == country]
        guests = [p for p in people if (p.country or p.org) and p.country != country]  # a state's, or an organisation's
        if hosts and guests and len({p.country for p in guests}) == 1:
            m.chair = max(hosts, key=lambda p: self.gz.role_rank.get(p.role or "", 0))

    def _two_states_summit(self, m: MeetingDraft) -> bool:
        """A summit of no organisation, the sentence naming none, between leaders of two states."""
        people = [p for p, _ in m.participants.values()]
        return m.org is None and m.body is None and len({p.country for p in people}) == 2 and \
            all(p.country for p in people) and \
            not any(x.kind in ("org", "body") for x in self.mentions_of(self.doc.sentence_of(m.trigger.start)))

    def host_of_summit(self, m: MeetingDraft) -> None:
        """A summit of leaders of several states held in one of them is hosted by
        that state's leader among them ("welcomed in Lany by Czech President Zeman")."""
        country = m.location_country or self.gz.places.get(m.location or "")
        people = [p for p, _ in m.participants.values()]
        hosts = [p for p in people if country and p.country == country and p.role in LEVEL_ROLES["head_of_state"]]
        if len(hosts) == 1 and any(p.country and p.country != country for p in people):
            m.chair = hosts[0]

    def _host_at_home(self, m: MeetingDraft) -> None:
        """A host receives at home: a chair from abroad, where officials of the
        place's own state take part, is the guest ("received in Algiers ... he")."""
        country = m.location_country
        if m.chair is None or not country or m.chair.country == country:
            return
        locals_ = [p for p, _ in m.participants.values() if p.country == country]
        if locals_:
            m.chair = max(locals_, key=lambda p: self.gz.role_rank.get(p.role or "", 0))

    def reception_or_talks(self, m: MeetingDraft) -> None:
        people = [p for p, _ in m.participants.values()]
        rank = lambda p: self.gz.role_rank.get(p.role or "", 0)
        word = m.trigger.text.lower()
        host = m.host
        if host is None and m.trigger.phrase in self.lex.guest_verbs:
            # "X called on Y": the one called on receives
            called = sorted(((span.start, p) for p, span in m.participants.values() if span.start >= m.trigger.end),
                            key=lambda x: x[0])
            host = called[0][1] if called else None
        if m.kind == "talks" and (word.split()[0] in ("met", "meets", "meet", "received", "receives", "receiving")
                                  or self.is_gerund(m.trigger)) and people:
            top = max(people, key=rank)
            others = [p for p in people if p is not top]
            if others and all(rank(p) < rank(top) for p in others) and not any(p.role in LEADERS for p in others) and (
                    top.role in LEADERS or all(p.role == "ambassador" for p in others)):
                # not when both are leaders, of either rank ("Xi meets with Mishustin"): talks
                m.kind, host = "reception", host or top  # a leader, or a minister receiving envoys
        country = m.location_country or self.gz.places.get(m.location or "")
        if m.kind == "talks" and host is None and len(people) >= 2 and country:
            # a visiting official's talks with the host state's leader at home are a reception (FORMAT.md)
            top = max(people, key=rank)
            others = [p for p in people if p is not top]
            if top.role in LEADERS and top.country == country and \
                    all((p.country or p.org) and p.country != top.country and rank(p) < rank(top) and
                        p.role not in LEADERS for p in others):
                m.kind, host = "reception", top
        if m.kind == "talks" and host is not None and people and host.role in LEADERS and \
                all(rank(p) < rank(host) and p.role not in LEADERS for p in people if p is not host):
            m.kind = "reception"
        if m.kind == "reception" and host is None and people:
            host = max(people, key=rank)
        if host is not None and m.chair is None:
            m.chair = host
            m.add(host, host.mentions[0])

    def _merge_into_sessions(self) -> None:
        """"travelled to Poland for a trilateral meeting", then "a trilateral meeting
        of the Weimar Triangle": talks of the very people of a session that day are that session."""
        sessions = [m for m in self.meetings if m.kind in ("session", "summit") and not m.hosts_sidelines]
        kept = []
        for m in self.meetings:
            same = next((x for x in sessions if m.kind == "talks" and len(m.participants) >= 3 and
                         set(m.participants) == set(x.participants) and m.date == x.date), None)
            if same is None:
                kept.append(m)
                continue
            same.evidence += m.evidence
            if same.location is None:
                same.location, same.location_country, same.location_span = m.location, m.location_country, m.location_span
        self.meetings = kept

    def _in_caption(self, m: MeetingDraft, lines: dict[tuple[int, int], bool]) -> bool:
        """A meeting told in a photo's caption ("X receives Y at the Palace. (Photo: AGENCY)").
        `lines`: each line read so far, whether it is a caption (a paragraph's line tells many meetings)."""
        start = self.text.rfind("\n", 0, m.trigger.start) + 1
        end = self.text.find("\n", m.trigger.end)
        line = (start, end if end >= 0 else len(self.text))
        if line not in lines:
            lines[line] = shapes().caption.search(self.text, *line) is not None
        return lines[line]

    def _merge_captions(self) -> None:
        """A caption retells a meeting the body tells, wherever the page puts it: one meeting."""
        lines: dict[tuple[int, int], bool] = {}
        told = [m for m in self.meetings if not self._in_caption(m, lines)]
        kept: list[MeetingDraft] = []
        for m in self.meetings:
            same = None if m in told else next(
                (k for k in told if (k.kind == m.kind or {k.kind, m.kind} == {"talks", "reception"}) and
                 len(set(k.participants) & set(m.participants)) >= 2 and
                 (k.date_span is None or m.date_span is None or k.date[:7] == m.date[:7])), None)
            if same is None:
                kept.append(m)
                continue
            same.evidence += m.evidence
            same.chair = same.chair or m.chair
        self.meetings = kept

    @staticmethod
    def _same_people(k: MeetingDraft, m: MeetingDraft) -> bool:
        """Talks of the same people, of no body."""
        return not (k.body or m.body) and k.org == m.org and bool(k.participants) and bool(m.participants) and \
            (set(k.participants) <= set(m.participants) or set(m.participants) <= set(k.participants))

    @staticmethod
    def _same_gathering(k: MeetingDraft, m: MeetingDraft) -> bool:
        """A headline's summit or session of no named body, and the body's of one, in the same place."""
        return k.kind in ("session", "summit") and k.org is None and k.body is None and \
            (m.org is not None or m.body is not None) and \
            (k.location is None or m.location is None or k.location == m.location)

    def _merge_restatements(self) -> None:
        """A headline and the body often state one meeting twice: a meeting first
        stated in the headline takes in a body's meeting of the same kind and people."""
        kept: list[MeetingDraft] = []
        absorbed: set[int] = set()  # a headline states one meeting: it takes in one
        headliners: list[MeetingDraft] = []
        for m in self.meetings:
            twin = next((k for k in headliners if id(k) not in absorbed and (k.kind == m.kind or {k.kind, m.kind} == {"talks", "reception"}) and
                         k.trigger.start < self.headline_end and
                         (self._same_people(k, m) or self._same_gathering(k, m)) and
                         (k.date_span is None or m.date_span is None or k.date[:7] == m.date[:7])), None)
            if twin is None:
                kept.append(m)
                if m.trigger.start < self.headline_end:
                    headliners.append(m)
                continue
            if m.trigger.start >= self.headline_end:
                absorbed.add(id(twin))  # a caption under the headline retells it too, and the body still may
            twin.participants.update(m.participants)  # where the body names them: its partners may be split
            twin.principals |= m.principals
            # the body tells the meeting better than the headline, but for a reception the headline says was one
            # ("X receives Y" over "X held talks with Y": any "received" is a reception)
            twin.kind = twin.kind if twin.kind == "reception" and m.kind == "talks" else m.kind
            twin.trigger = m.trigger
            twin.evidence += m.evidence
            twin.chair = twin.chair or m.chair
            twin.formats |= m.formats
            if twin.org is None and twin.body is None:  # "Leaders Wrap Up Regional Summit": the body names whose
                twin.org, twin.org_span, twin.body, twin.body_span = m.org, m.org_span, m.body, m.body_span
            if m.date_span is not None and twin.date_span is None:
                twin.date, twin.date_span = m.date, m.date_span
            if m.location_span is not None and (twin.location_span is None or (
                    self._only_state(twin) and m.location_country == twin.location_country)):
                # "meeting in Kyrgyzstan" in the headline, "met in Bishkek" in the body
                twin.location, twin.location_country, twin.location_span = m.location, m.location_country, m.location_span
        self.meetings = kept
