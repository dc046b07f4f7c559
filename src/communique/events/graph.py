"""Who meets whom, as a graph networkx writes in GraphML or GEXF (Gephi,
Cytoscape, igraph): one node per person of the knowledge base, or per state
with `level="state"`, and an edge between two that took part in the same
meeting, carrying how many meetings and their dates."""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import networkx as nx
import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..kb.models import Meeting, Participant, Person, PersonRole

FORMATS = ("graphml", "gexf")
LEVELS = ("person", "state")


def meeting_graph(session: Session, level: str = "person") -> nx.Graph:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    dates = {meeting_id: date for meeting_id, date in session.execute(select(Meeting.id, Meeting.date))}
    attending: dict[int, set[str]] = {}
    for meeting_id, person_id, country in session.execute(
            select(Participant.meeting_id, Participant.person_id, Participant.country)):
        key = f"p{person_id}" if level == "person" else country
        if key:
            attending.setdefault(meeting_id, set()).add(key)
    graph = _people(session) if level == "person" else _states(attending)
    met: dict[tuple[str, str], list[int]] = {}
    for meeting_id, nodes in attending.items():
        for pair in combinations(sorted(nodes), 2):
            met.setdefault(pair, []).append(meeting_id)
    for (a, b), meetings in met.items():
        when = sorted(d for m in meetings if (d := dates.get(m)))
        graph.add_edge(a, b, weight=len(meetings), meetings=len(meetings), dates=";".join(when),
                       meeting_ids=";".join(str(m) for m in sorted(meetings)))
    return graph


def _people(session: Session) -> nx.Graph:
    """Every person, with the state they act for most often and every role and organisation."""
    roles: dict[int, list[tuple[str, str | None, str | None]]] = {}
    for person_id, role, country, org in session.execute(
            select(PersonRole.person_id, PersonRole.role, PersonRole.country, PersonRole.org)):
        roles.setdefault(person_id, []).append((role, country, org))
    graph = nx.Graph(level="person")
    for person_id, name in session.execute(select(Person.id, Person.name).order_by(Person.id)):
        held = roles.get(person_id, [])
        states = Counter(c for _, c, _ in held if c)
        graph.add_node(f"p{person_id}", label=name, kb_id=person_id,
                       state=states.most_common(1)[0][0] if states else "",
                       roles=";".join(sorted({r for r, _, _ in held})),
                       orgs=";".join(sorted({o for _, _, o in held if o})))
    return graph


def _states(attending: dict[int, set[str]]) -> nx.Graph:
    graph = nx.Graph(level="state")
    counts = Counter(code for nodes in attending.values() for code in nodes)
    for code in sorted(counts):
        country = pycountry.countries.get(alpha_3=code)
        graph.add_node(code, label=country.name if country else code, meetings=counts[code])
    return graph


def write_graph(graph: nx.Graph, fmt: str, path: Path) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, path)
