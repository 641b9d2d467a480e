"""JSON Schemas of chrono's outputs, generated from the pydantic models (the contract).

    python -m chrono.schemas          # regenerate chrono/schemas/*.json
    python -m chrono.schemas --check  # exit 1 when a shipped file differs from the models

The files ship with the package (pyproject package-data) so users validate outputs without
importing chrono: `tags.schema.json` (chrono tag, schema "chrono.tags/1") and
`timeline.schema.json` (chrono timeline, schema "chrono.timeline/1").
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from chrono.models import TagOutput, TimelineOutput

DIRECTORY = Path(__file__).resolve().parent
SCHEMAS: dict[str, type[BaseModel]] = {"tags.schema.json": TagOutput, "timeline.schema.json": TimelineOutput}
_IDS = {"tags.schema.json": "chrono.tags/1", "timeline.schema.json": "chrono.timeline/1"}


def generate(name: str) -> str:
    """The schema text for one file: JSON Schema 2020-12 of the model's serialised (alias) form."""
    schema = SCHEMAS[name].model_json_schema(by_alias=True, mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _IDS[name], **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load(name: str) -> dict:
    """A shipped schema as a dict: `load("timeline.schema.json")`."""
    return json.loads((DIRECTORY / name).read_text(encoding="utf-8"))


def stale() -> list[str]:
    """Names of shipped files that differ from what the models generate now."""
    out = []
    for name in SCHEMAS:
        path = DIRECTORY / name
        if not path.exists() or path.read_text(encoding="utf-8") != generate(name):
            out.append(name)
    return out


def write_all() -> list[str]:
    """Regenerate every schema file; returns the names that changed."""
    from chrono.export.files import atomic_write

    changed = stale()
    for name in changed:
        atomic_write(str(DIRECTORY / name), generate(name))
    return changed
