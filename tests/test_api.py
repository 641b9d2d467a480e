"""The top-level Python API (issue 15): `chrono.tagger`, `chrono.timeline`, `__all__`, docstrings, a
light `import chrono`, and the README's Python example run as written."""
from __future__ import annotations

import contextlib
import importlib
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import chrono
from chrono.cli import main
from chrono.models import Document, TimelineOutput, Timex
from chrono.read import iter_inputs, load_manifest

ROOT = Path(__file__).resolve().parent.parent


def test_all_names_exist_and_are_documented():
    assert {"tag", "timeline", "Document", "Timex", "Entry", "TimelineOutput"} <= set(chrono.__all__)
    for name in chrono.__all__:
        assert getattr(chrono, name) is not None, name
    assert "chrono.tag(" in chrono.__doc__ and "chrono.timeline(" in chrono.__doc__
    assert "anchor" in chrono.timeline.__doc__
    assert "resolved against `anchor`" in chrono.tag.__doc__
    # the tagging stage is its own package: loading it leaves the API function alone
    stage = importlib.import_module("chrono.tagger")
    assert callable(chrono.tag) and chrono.tag is not stage and chrono.tagger is stage


def test_tag_takes_an_anchor_as_text_or_date_or_none():
    text = "وصل الوزير أمس إلى الرباط"
    assert [t.value for t in chrono.tag(text, anchor="2021-11-24")] == ["2021-11-23"]
    assert [t.value for t in chrono.tag(text, anchor="24 نوفمبر 2021")] == ["2021-11-23"]
    assert [t.value for t in chrono.tag(text, anchor=date(2021, 11, 24))] == ["2021-11-23"]
    (unresolved,) = chrono.tag(text)
    assert isinstance(unresolved, Timex) and unresolved.value == "XXXX-XX-XX"
    assert "unresolved: no anchor" in unresolved.flags


def test_tag_says_what_is_wrong():
    with pytest.raises(ValueError, match="day is out of range"):
        chrono.tag("أمس", anchor="31/02/2021")
    with pytest.raises(TypeError):
        chrono.tag(b"bytes")  # type: ignore[arg-type]


def test_timeline_takes_texts_pairs_mappings_and_documents():
    story = chrono.timeline([
        "وقع الاتفاق في 24 نوفمبر 2021",
        ("وصل الوزير إلى الرباط أمس في زيارة رسمية", "2021-11-24"),
        {"id": "a3", "text": "أعلنت الجزائر قطع علاقاتها مع الرباط في أغسطس الماضي", "published": "2021-11-24"},
        Document(id="d4", text="التقى الوزيران في 10 ديسمبر 2020"),
    ])
    assert isinstance(story, TimelineOutput)
    assert [d.id for d in story.documents] == ["doc1", "doc2", "a3", "d4"]
    assert [(e.value, e.sources) for e in story.entries] == [
        ("2020-12-10", ["d4"]), ("2021-08", ["a3"]), ("2021-11-23", ["doc2"]), ("2021-11-24", ["doc1"])]
    with pytest.raises(TypeError, match="document 1"):
        chrono.timeline([42])


def test_timeline_equals_the_command_line():
    manifest = load_manifest(str(ROOT / "seeds" / "manifest.json"))
    documents = [d.model_copy(update={"path": None}) for d in iter_inputs([str(ROOT / "seeds")], manifest=manifest)]
    from_python = chrono.timeline(documents)
    cli = json.loads(CliRunner().invoke(main, ["timeline", "seeds/", "--manifest", "seeds/manifest.json",
                                               "--format", "json"]).stdout)
    assert [e.model_dump(mode="json") for e in from_python.entries] == cli["entries"]


def test_import_chrono_is_light():
    code = ("import sys, chrono; heavy = [m for m in ('chrono.pipeline', 'chrono.tagger', 'chrono.lexicon', "
            "'chrono.merge', 'dateparser') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def _readme_python_example() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("## Python") + 1
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            if block:
                break
            continue
        block.append(line[4:])
    return "\n".join(block).strip() + "\n"


def test_the_readme_python_example_prints_what_its_comments_say():
    example = _readme_python_example()
    assert example.startswith("import chrono")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "ليلة الثلاثاء 2021-11-23TNI 2021-11-23 2021-11-23"
    assert lines[1] == "e1 2021-11-23 وصل الوزير إلى الرباط في زيارة رسمية ['doc1']"
    assert lines[2] == "e2 2021-11-24 وقع الوزيران اتفاقاً ['a2']"
