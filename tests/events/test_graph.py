"""Who meets whom: the knowledge base exported as GraphML and GEXF by the
command and read back with networkx, at the level of people and of states.
The reports are written for these tests."""
from __future__ import annotations

import subprocess
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import func, select

from communique.kb import open_db
from communique.kb.models import Person

KB_REPORTS = Path(__file__).resolve().parents[1] / "kb" / "reports"

REPORTS = {
    "tashkent-april": ("TASHKENT, April 2, 2024 (Dunyo) – Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov "
                       "held talks with Minister of Foreign Affairs of Kyrgyzstan Jeenbek Kulubaev in Tashkent on "
                       "Tuesday.\n"),
    "bishkek-may": ("BISHKEK, May 14, 2024 (Kabar) – Minister of Foreign Affairs of Kyrgyzstan Jeenbek Kulubaev held "
                    "talks with Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov in Bishkek on Tuesday.\n"),
    "tashkent-alone": ("TASHKENT, May 20, 2024 (Dunyo) – The Minister of Culture of Uzbekistan Ozodbek Nazarbekov "
                       "opened an exhibition of embroidery in Tashkent on Monday.\n"),
}


@pytest.fixture(scope="module")
def knowledge_base(tmp_path_factory, communique_cmd) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("graph")
    for name, text in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = ["--db", f"sqlite:///{folder / 'kb.db'}"]
    ingested = subprocess.run([*communique_cmd, "ingest", str(KB_REPORTS), *(str(folder / f"{n}.txt") for n in REPORTS),
                               *db], capture_output=True, text=True, timeout=600)
    assert ingested.returncode == 0, ingested.stderr
    return folder, db


def export(communique_cmd, knowledge_base, fmt: str, level: str = "person") -> nx.Graph:
    folder, db = knowledge_base
    path = folder / f"{level}.{fmt}"
    done = subprocess.run([*communique_cmd, "export", "--format", fmt, str(path), "--level", level, *db],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)


def by_label(graph: nx.Graph) -> dict[str, str]:
    return {data["label"]: node for node, data in graph.nodes(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_one_node_per_person_and_an_edge_per_pair_that_met(communique_cmd, knowledge_base, fmt):
    graph = export(communique_cmd, knowledge_base, fmt)
    folder, _ = knowledge_base
    with open_db(f"sqlite:///{folder / 'kb.db'}").session() as s:
        people = s.scalar(select(func.count(Person.id)))
    assert graph.number_of_nodes() == people
    nodes = by_label(graph)
    saidov, kulubaev = nodes["Bakhtiyor Saidov"], nodes["Jeenbek Kulubaev"]
    assert graph.nodes[saidov]["state"] == "UZB" and "foreign_minister" in graph.nodes[saidov]["roles"]
    edge = graph.edges[saidov, kulubaev]
    assert int(edge["meetings"]) == 2 and edge["dates"] == "2024-04-02;2024-05-14"
    loner = nodes["Ozodbek Nazarbekov"]
    assert graph.degree(loner) == 0  # a person of the knowledge base who met nobody is still a node


def test_state_level_joins_states_whose_people_met(communique_cmd, knowledge_base):
    graph = export(communique_cmd, knowledge_base, "gexf", level="state")
    assert {"UZB", "KGZ", "RUS", "TJK"} <= set(graph.nodes)
    assert graph.nodes["UZB"]["label"] == "Uzbekistan"
    assert int(graph.edges["UZB", "KGZ"]["meetings"]) == 2
    assert int(graph.edges["RUS", "TJK"]["meetings"]) >= 1  # the CSTO council of the knowledge-base reports
    assert not any(len(node) != 3 for node in graph.nodes)
