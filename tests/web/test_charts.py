"""Geometry of the timeline, the roles chart and the graph of who met whom."""
from __future__ import annotations

from communique.web import charts
from communique.web.meetings import _months


def test_timeline_bars_scale_to_the_largest():
    bars = charts.timeline([{"label": "2024-01", "count": 2, "since": "2024-01", "until": "2024-01"},
                            {"label": "2024-02", "count": 0, "since": "2024-02", "until": "2024-02"},
                            {"label": "2024-03", "count": 4, "since": "2024-03", "until": "2024-03"}])
    heights = [b["h"] for b in bars["bars"]]
    assert heights[1] == 0 and heights[2] == 2 * heights[0] > 0
    assert all(b["x"] + b["w"] <= bars["width"] for b in bars["bars"])
    assert charts.timeline([])["bars"] == []


def test_months_fill_the_gaps():
    assert _months("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_roles_over_time_with_partial_dates():
    chart = charts.roles_chart([
        {"role": "deputy_foreign_minister", "country": "TJK", "org": None, "first_seen": "2019", "last_seen": "2020-06"},
        {"role": "foreign_minister", "country": "TJK", "org": None, "first_seen": "2020-07-01", "last_seen": "2024-06-14"},
        {"role": "other", "country": None, "org": None, "first_seen": None, "last_seen": None}])
    first, second = chart["bars"]
    assert chart["start"] == "2019-01-01" and chart["end"] == "2024-06-14"
    assert first["x"] < second["x"] and first["x"] + first["w"] <= second["x"] + 1
    assert charts._day("2024-02", end=True) == charts._day("2024-02-29") and charts._day("nonsense") is None


def test_graph_puts_the_person_in_the_middle():
    g = charts.met_graph({"id": 1, "name": "A"}, [{"id": 2, "name": "B", "meetings": 3}, {"id": 3, "name": "C", "meetings": 1}],
                         [{"a": 2, "b": 3, "meetings": 1}, {"a": 2, "b": 99, "meetings": 1}])
    center = g["nodes"][0]
    assert center["center"] and (center["x"], center["y"]) == (g["width"] / 2, g["height"] / 2)
    spokes = [e for e in g["edges"] if e["spoke"]]
    assert [e["w"] for e in spokes] == sorted((e["w"] for e in spokes), reverse=True)
    assert len(g["edges"]) == 3  # two spokes and the one pair both ends of which are drawn
