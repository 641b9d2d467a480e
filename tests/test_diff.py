"""`chrono diff OLD NEW` (issue 15): what changed between two timeline or two tag outputs, entries
matched by their mentions rather than their ids; exit 0 equal, 1 different, 2 usage errors; and the
README's pytest example of a golden timeline of one's own corpus, run as a user would."""
from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chrono.cli import main
from chrono.diff import diff_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["seeds/", "--manifest", "seeds/manifest.json"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_timeline() -> dict:
    return json.loads(run("timeline", *SEEDS, "--format", "json").stdout)


def _write(folder: Path, name: str, data) -> Path:
    path = folder / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _renumbered(timeline: dict) -> dict:
    """Entry ids e1, e2, … in order again, conflicts following (as the merge numbers them)."""
    new_ids = {e["id"]: f"e{i}" for i, e in enumerate(timeline["entries"], 1)}
    for entry in timeline["entries"]:
        entry["id"] = new_ids[entry["id"]]
        for conflict in entry["conflicts"]:
            conflict["entry"] = new_ids.get(conflict["entry"], conflict["entry"])
    return timeline


def test_equal_outputs_exit_0(seeds_timeline, tmp_path):
    path = _write(tmp_path, "a.json", seeds_timeline)
    r = run("diff", path, path)
    count = len(seeds_timeline["entries"])
    assert r.exit_code == 0 and r.stdout == f"timeline: {count} → {count} entries; no change\n"


def test_shifted_ids_are_not_changes(seeds_timeline, tmp_path):
    new = copy.deepcopy(seeds_timeline)
    first = copy.deepcopy(new["entries"][0])
    first["mentions"] = [{**first["mentions"][0], "start": 90000, "end": 90003, "text": "xyz"}]
    first["label"], first["id"] = "حدث جديد", "new"
    new["entries"].insert(0, first)
    _renumbered(new)  # every old entry's id is one higher now
    r = run("diff", _write(tmp_path, "a.json", seeds_timeline), _write(tmp_path, "b.json", new))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    count = len(seeds_timeline["entries"])
    assert lines[0] == f"timeline: {count} → {count + 1} entries; 1 added"
    assert lines[1].startswith("+ added            e1  [1973] 1973  «حدث جديد»")
    assert len(lines) == 2


def test_relabeled_removed_merged_and_mentions(seeds_timeline, tmp_path):
    new = copy.deepcopy(seeds_timeline)
    entries = new["entries"]
    entries[15]["label"] = "وقع البلدان اتفاقاً"  # e16
    entries[9]["mentions"] += entries[10]["mentions"]  # e10 absorbs e11
    del entries[10]
    lost = entries[0]["mentions"].pop()  # e1 loses its only mention: removed
    assert lost
    del entries[0]
    extra = copy.deepcopy(entries[6]["mentions"][0])  # e8 gains a mention
    extra.update(start=1, end=4)
    entries[6]["mentions"].append(extra)
    _renumbered(new)
    result = diff_files(_write(tmp_path, "a.json", seeds_timeline), _write(tmp_path, "b.json", new))
    assert result.summary() == {"removed": 1, "merged": 1, "relabeled": 1, "mentions": 1}
    kinds = {c.kind: c for c in result.changes}
    assert kinds["removed"].old == ("e1",) and kinds["merged"].old == ("e10", "e11")
    assert kinds["merged"].new == ("e9",)
    assert kinds["relabeled"].old == ("e16",) and kinds["relabeled"].new == ("e14",)
    assert kinds["mentions"].data["gained"] == [[extra["doc"], 1, 4]]


def test_a_re_anchored_document_re_dates_and_splits_entries(seeds_timeline, tmp_path):
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"][0]["published"] = "2021-11-24"  # 000 a day earlier
    changed = _write(tmp_path, "manifest.json", manifest)
    new = run("timeline", "seeds/", "--manifest", changed, "--format", "json").stdout
    r = run("diff", _write(tmp_path, "a.json", seeds_timeline), _write(tmp_path, "b.json", new))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    # 000's quoted «اليوم» (Gantz's tweet after the signing) now falls on the signing's own day:
    # a happening of its own there (and the mentions that joined the signing through it part
    # too); 000's "اليوم" of the end of the visit moves a day back
    signing = _entry_with(seeds_timeline, "000", "2021-11-25", in_quote=True)
    split = re.match(rf"⇉ split +{signing} → {signing}((?:, e\d+)+)  \[2021-11-24\] ", lines[2])
    assert split and "وقع المغرب" in lines[2]
    parts = 1 + split.group(1).count(",")
    count = len(seeds_timeline["entries"])
    assert lines[0] == f"timeline: {count} → {count + parts - 1} entries; 1 re-anchored, 1 re-dated, 1 split"
    assert lines[1] == "~ re-anchored      000_a5dac5ccf9ad4a48  anchor 2021-11-25 → 2021-11-24"
    end_of_visit = _entry_with(seeds_timeline, "000", "2021-11-25", in_quote=False)
    assert re.match(rf"~ re-dated +{end_of_visit} → e\d+  \[2021-11-25\] 25 نوفمبر 2021 → "
                    r"\[2021-11-24\] 24 نوفمبر 2021", lines[3])
    data = json.loads(run("diff", tmp_path / "a.json", tmp_path / "b.json", "--format", "json").stdout)
    assert data["schema"] == "chrono.diff/1" and data["kind"] == "timeline" and data["equal"] is False
    assert data["summary"] == {"re-anchored": 1, "re-dated": 1, "split": 1}
    redated = next(c for c in data["changes"] if c["change"] == "re-dated")
    assert redated["old"] == [end_of_visit] and redated["new"][0] == re.search(r"→ (e\d+)", lines[3]).group(1)
    assert (redated["before"]["value"], redated["after"]["value"]) == ("2021-11-25", "2021-11-24")


def _entry_with(timeline: dict, doc: str, value: str, in_quote: bool) -> str:
    """The id of the entry holding a mention of document `doc` (by its number) with `value`."""
    return next(e["id"] for e in timeline["entries"] for m in e["mentions"]
                if m["doc"].startswith(doc) and m["value"] == value and m["in_quote"] == in_quote)


def test_tag_outputs(tmp_path):
    old = json.loads(run("tag", *SEEDS).stdout)
    new = copy.deepcopy(old)
    timexes = new["documents"][1]["timexes"]
    timexes[0]["value"] = "2021-11-25"  # re-dated
    timexes[1]["end"] -= 1  # re-spanned
    timexes[1]["text"] = timexes[1]["text"][:-1]
    removed = timexes.pop(2)
    old_path = _write(tmp_path, "a.json", old)
    r = run("diff", old_path, _write(tmp_path, "b.json", new))
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0] == "tags: 60 → 59 expressions; 1 removed, 1 re-dated, 1 re-spanned"
    assert f"001_76ae0159d87ba1ac:{removed['start']}-{removed['end']}" in r.stdout
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(run("tag", *SEEDS, "--format", "jsonl").stdout, encoding="utf-8")
    assert run("diff", old_path, jsonl).exit_code == 0


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "absent.json", "cannot read"),
    (lambda d: _write(d, "x.json", "{not json"), "not JSON"),
    (lambda d: _write(d, "x.json", {"entries": []}), "not a chrono output"),
    (lambda d: _write(d, "x.json", {"schema": "chrono.timeline/1", "entries": [{"id": 1}]}), "a broken"),
])
def test_files_that_cannot_be_compared_are_usage_errors(seeds_timeline, tmp_path, make, message):
    r = run("diff", _write(tmp_path, "a.json", seeds_timeline), make(tmp_path))
    assert r.exit_code == 2 and message in r.stderr and len(r.stderr.splitlines()) == 1


def test_a_tag_output_against_a_timeline_is_a_usage_error(seeds_timeline, tmp_path):
    tags = _write(tmp_path, "tags.json", run("tag", *SEEDS).stdout)
    r = run("diff", tags, _write(tmp_path, "timeline.json", seeds_timeline))
    assert r.exit_code == 2
    assert "is a `chrono tag` output and" in r.stderr and "a `chrono timeline` one" in r.stderr


def _readme_block(after: str) -> str:
    """The indented code block that follows the README line starting with `after`."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
    while not lines[start].startswith("    "):
        start += 1
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip() + "\n"


def test_the_readme_golden_timeline_example_works(tmp_path):
    """The README's pytest example, in a project of its own with the seeds as its corpus:
    the first run writes the golden file, the second passes, a changed corpus fails with the report."""
    example = _readme_block("A pytest test that keeps the chronology of your corpus")
    assert example.startswith("# tests/test_my_timeline.py")
    shutil.copytree(ROOT / "seeds", tmp_path / "corpus")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_my_timeline.py").write_text(example, encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}

    def pytest_run():
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                              cwd=tmp_path, env=env, capture_output=True, text=True)

    assert pytest_run().returncode == 0
    assert (tmp_path / "tests" / "golden" / "timeline.json").exists()
    assert pytest_run().returncode == 0
    manifest = json.loads((tmp_path / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"][0]["published"] = "2021-11-24"
    (tmp_path / "corpus" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    third = pytest_run()
    assert third.returncode == 1
    assert re.search(r"re-anchored +000_a5dac5ccf9ad4a48  anchor 2021-11-25 → 2021-11-24", third.stdout)
