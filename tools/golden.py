"""Golden files for the seeds, at two levels: per-article expressions (golden/tags/)
and the merged chronology with its exports (golden/timeline.json, timeline.csv, timelinejs.json,
timeml/). `make golden` regenerates them on purpose; tests/test_golden.py compares them.

    python -m tools.golden            # rewrite golden/
    python -m tools.golden --check    # exit 1 and print a diff when they differ
"""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "golden"


def seed_pairs():
    from chrono.models import Document
    from chrono.pipeline import tag_document
    from chrono.read import iter_inputs, load_manifest

    manifest = load_manifest(str(SEEDS / "manifest.json"))
    pairs = []
    for item in iter_inputs([str(SEEDS)], manifest=manifest):
        if not isinstance(item, Document):
            raise RuntimeError(f"a seed failed to read: {item}")
        pairs.append((item, tag_document(item)))
    return pairs


def _tags_json(tags) -> str:
    data = tags.model_dump(mode="json")
    data["path"] = Path(data["path"]).name if data.get("path") else None  # machine-independent
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def expected_files() -> dict[str, str]:
    """Relative path under golden/ → content."""
    pairs = seed_pairs()
    files = {f"tags/{tags.id}.json": _tags_json(tags) for _, tags in pairs}
    try:
        from chrono.export import render_timeline
        from chrono.export.timeml import documents
        from chrono.merge import build_timeline
    except ImportError:  # the chronology stage is optional while being built
        return files
    timeline = build_timeline([(doc.model_copy(update={"path": Path(doc.path).name}),
                                tags.model_copy(update={"path": Path(tags.path).name})) for doc, tags in pairs])
    files["timeline.json"] = render_timeline("json", timeline)
    files["timeline.csv"] = render_timeline("csv", timeline)
    files["timelinejs.json"] = render_timeline("timelinejs", timeline)
    for doc_id, text in documents(pairs).items():
        files[f"timeml/{doc_id}.tml"] = text
    return files


def diff(expected: dict[str, str]) -> list[str]:
    out = []
    present = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file()}
    for name in sorted(set(expected) | present):
        old = (GOLDEN / name).read_text(encoding="utf-8") if name in present else ""
        new = expected.get(name, "")
        if old != new:
            out.extend(difflib.unified_diff(old.splitlines(), new.splitlines(), f"golden/{name}",
                                            f"now/{name}", lineterm="", n=1))
    return out


def write(expected: dict[str, str]) -> None:
    for p in GOLDEN.rglob("*"):
        if p.is_file() and str(p.relative_to(GOLDEN)) not in expected:
            p.unlink()
    for name, content in expected.items():
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def main(argv: list[str]) -> int:
    expected = expected_files()
    if "--check" in argv:
        lines = diff(expected)
        print("\n".join(lines) if lines else "golden files up to date")
        return 1 if lines else 0
    write(expected)
    print(f"wrote {len(expected)} golden files under {GOLDEN}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
