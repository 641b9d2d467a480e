"""Exports of a chronology (design §7): json, csv, timelinejs, vis, timeml, html, terminal table.

`EXPORTERS[name](timeline, **opts) -> str`. Options an exporter does not know are ignored, so
the CLI can pass the same keyword set to every format:

    per_mention (csv), bom (csv), pairs (timeml: the tagged documents, their text is needed),
    bidi (table: "isolate" | "reorder" | "none").

"html" is registered lazily: `chrono.export.html.render(timeline)` belongs to another module
and a missing or broken one only disables that format.
"""
from __future__ import annotations

import inspect
from typing import Callable

from chrono.models import TimelineOutput

Exporter = Callable[..., str]


def _html(timeline: TimelineOutput, **opts) -> str:
    from chrono.export.html import render  # lazy: optional, owned by the HTML module

    return render(timeline)


def _with_known_options(function: Exporter) -> Exporter:
    """Call `function` with the options its signature names, dropping the others."""
    accepted = set(inspect.signature(function).parameters)

    def call(timeline: TimelineOutput, **opts) -> str:
        return function(timeline, **{k: v for k, v in opts.items() if k in accepted})

    call.__doc__ = function.__doc__
    call.__name__ = getattr(function, "__name__", "exporter")
    return call


def _registry() -> dict[str, Exporter]:
    from chrono.export import csvout, jsonout, table, timelinejs, timeml, vis

    exporters = {
        "json": jsonout.render,
        "csv": csvout.render,
        "timelinejs": timelinejs.render,
        "vis": vis.render,
        "timeml": timeml.render,
        "table": table.render,
    }
    found = {name: _with_known_options(f) for name, f in exporters.items()}
    found["html"] = _html
    return found


EXPORTERS: dict[str, Exporter] = _registry()


def html_available() -> bool:
    """Whether the html exporter can be imported (the CLI reports a clear error otherwise)."""
    try:
        from chrono.export.html import render  # noqa: F401
    except Exception:  # any import failure disables only this format
        return False
    return True
