"""Geometry of the inline SVG pictures: the timeline of meetings, a person's
roles over time and the graph of who they met. Templates draw them."""
from __future__ import annotations

import math
from datetime import date
from typing import Any


def timeline(buckets: list[dict[str, Any]], width: int = 900, height: int = 90) -> dict[str, Any]:
    """One bar per bucket, heights relative to the largest."""
    if not buckets:
        return {"width": width, "height": height, "bars": [], "ticks": []}
    top = max(b["count"] for b in buckets) or 1
    step = width / len(buckets)
    bars = []
    for i, b in enumerate(buckets):
        h = round((height - 20) * b["count"] / top, 1)
        bars.append({**b, "x": round(i * step + 1, 1), "w": round(max(step - 2, 1), 1), "h": h,
                     "y": round(height - 16 - h, 1)})
    every = max(1, math.ceil(len(buckets) / 12))
    ticks = [{"x": bar["x"], "label": bar["label"]} for bar in bars[::every]]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks}


def _day(value: str | None, end: bool = False) -> int | None:
    """A partial ISO date as a day number: its first day, or its last with `end`."""
    if not value:
        return None
    try:
        parts = [int(x) for x in value.split("-")]
        if len(parts) >= 3:
            return date(*parts[:3]).toordinal()
        if len(parts) == 2:
            year, month = parts
            if not end:
                return date(year, month, 1).toordinal()
            return date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
        return date(parts[0], 12, 31).toordinal() if end else date(parts[0], 1, 1).toordinal()
    except ValueError:
        return None


def roles_chart(roles: list[dict[str, Any]], width: int = 700, row: int = 26) -> dict[str, Any]:
    """A bar per role from the first report stating it to the last."""
    spans = [(r, _day(r["first_seen"]), _day(r["last_seen"], end=True)) for r in roles]
    days = [d for _, a, b in spans for d in (a, b) if d is not None]
    if not days:
        return {"width": width, "height": 0, "bars": [], "start": None, "end": None}
    lo, hi = min(days), max(days)
    hi = max(hi, lo + 30)
    label = 230
    scale = (width - label - 10) / (hi - lo)
    bars = []
    for i, (r, a, b) in enumerate(spans):
        a = a if a is not None else b
        b = b if b is not None else a
        if a is None or b is None:
            continue
        x = label + (a - lo) * scale
        bars.append({**r, "x": round(x, 1), "y": i * row + 4, "w": round(max((b - a) * scale, 6), 1), "h": row - 10})
    return {"width": width, "height": len(spans) * row + 20, "bars": bars, "label_x": label - 6,
            "start": date.fromordinal(lo).isoformat(), "end": date.fromordinal(hi).isoformat()}


def met_graph(center: dict[str, Any], met: list[dict[str, Any]], pairs: list[dict[str, Any]],
              size: int = 460, margin: int = 150) -> dict[str, Any]:
    """The person in the middle, who they met on a circle around, spokes as
    thick as the meetings they shared, thin lines between those who met there too."""
    cx, cy = size / 2 + margin, size / 2
    radius = size / 2 - 40
    top = max((m["meetings"] for m in met), default=1)
    nodes = {center["id"]: {"id": center["id"], "name": center["name"], "x": cx, "y": cy, "r": 12, "center": True,
                            "lx": cx, "ly": cy - 20, "anchor": "middle"}}
    for i, m in enumerate(met):
        angle = 2 * math.pi * i / max(len(met), 1) - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        x, y, r = cx + radius * cos, cy + radius * sin, 5 + 5 * m["meetings"] / top
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        lx = x + (r + 5) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
        ly = y + 4 if anchor != "middle" else (y - r - 5 if sin < 0 else y + r + 13)
        nodes[m["id"]] = {"id": m["id"], "name": m["name"], "meetings": m["meetings"], "center": False,
                          "x": round(x, 1), "y": round(y, 1), "r": round(r, 1), "anchor": anchor,
                          "lx": round(lx, 1), "ly": round(ly, 1)}
    edges = [{"x1": cx, "y1": cy, "x2": nodes[m["id"]]["x"], "y2": nodes[m["id"]]["y"],
              "w": round(1 + 4 * m["meetings"] / top, 1), "meetings": m["meetings"], "spoke": True} for m in met]
    edges += [{"x1": nodes[p["a"]]["x"], "y1": nodes[p["a"]]["y"], "x2": nodes[p["b"]]["x"], "y2": nodes[p["b"]]["y"],
               "w": 1, "meetings": p["meetings"], "spoke": False}
              for p in pairs if p["a"] in nodes and p["b"] in nodes]
    return {"width": size + 2 * margin, "height": size, "nodes": list(nodes.values()), "edges": edges}
