"""`--format vis`: vis-timeline DataSets, `{"items": [...], "groups": [...]}`.

Item: `{id, content, start, end?, type: "point" | "range", group, title}`; the tooltip (`title`)
tells the date in Arabic ("أواخر 2020 — 000, 002"). A one-day entry is a
point on its day; a longer interval (a month, "من 23 إلى 25 نوفمبر") is a range whose `end` is the
day AFTER the inclusive end date, because vis-timeline ends are exclusive instants.
"""
from __future__ import annotations

import json
from datetime import timedelta
from html import escape

from chrono.export.display import arabic_date
from chrono.models import Entry, TimelineOutput


def item(entry: Entry, papers: dict[str, str] | None = None) -> dict:
    """One vis item; `papers` (document id → paper, `TimelineOutput.papers`) names the group and
    the sources in the title."""
    papers = papers or {}
    data: dict = {"id": entry.id, "content": escape(entry.label), "start": entry.days[0].isoformat()}
    if entry.end_date is not None and entry.end_date != entry.start_date:
        data["end"] = (entry.end_date + timedelta(days=1)).isoformat()
        data["type"] = "range"
    else:
        data["type"] = "point"
    names = list(dict.fromkeys(papers.get(doc, doc) for doc in entry.sources))
    data["group"] = names[0] if names else ""
    title = f"{arabic_date(entry)} — {', '.join(names)}"
    if entry.conflicts:
        title += " — ⚠ " + ", ".join(c.entry for c in entry.conflicts)
    data["title"] = escape(title)
    return data


def render(timeline: TimelineOutput) -> str:
    """Items and one group per source (the paper when the input names it, else the document)."""
    papers = timeline.papers()
    items = [item(e, papers) for e in timeline.entries if e.start_date is not None]
    groups = sorted({i["group"] for i in items})
    return json.dumps({"items": items, "groups": [{"id": g, "content": g} for g in groups]},
                      ensure_ascii=False, indent=2) + "\n"
