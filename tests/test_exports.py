"""Exports (json + schemas, csv, timelinejs, vis, timeml, table) and the `timeline` command."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from chrono.export import EXPORTERS
from chrono.export.table import PDI, RLI, bidi_text
from chrono.merge import build_timeline
from chrono.models import TimelineOutput
from chrono.schemas import generate, load, stale

from seed_hand_tags import SEEDS, hand_pairs, hand_tags


@pytest.fixture(scope="module")
def pairs():
    return hand_pairs()


@pytest.fixture(scope="module")
def timeline(pairs) -> TimelineOutput:
    return build_timeline(pairs)


def test_shipped_schemas_equal_the_generated_ones():
    assert stale() == [], "run: python -m chrono.schemas"
    assert json.loads(generate("timeline.schema.json"))["$id"] == "chrono.timeline/1"


def test_json_export_validates_and_round_trips(timeline):
    text = EXPORTERS["json"](timeline)
    data = json.loads(text)
    jsonschema.validate(data, load("timeline.schema.json"))
    assert data["schema"] == "chrono.timeline/1"
    assert TimelineOutput.model_validate(data) == timeline
    assert "اليوم" in text  # Arabic kept as UTF-8, not \\u escapes


def test_schema_rejects_a_broken_timeline(timeline):
    data = json.loads(EXPORTERS["json"](timeline))
    data["entries"][0]["start_date"] = 12
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load("timeline.schema.json"))


def test_csv_one_row_per_entry_and_per_mention_with_bom(timeline):
    rows = list(csv.DictReader(io.StringIO(EXPORTERS["csv"](timeline))))
    assert len(rows) == len(timeline.entries)
    assert rows[0]["id"] == "e1" and rows[0]["label"] == timeline.entries[0].label
    with_bom = EXPORTERS["csv"](timeline, per_mention=True, bom=True)
    assert with_bom.startswith("\ufeff") and "\r\n" in with_bom
    mentions = list(csv.DictReader(io.StringIO(with_bom.lstrip("\ufeff"))))
    assert len(mentions) == sum(len(e.mentions) for e in timeline.entries)
    assert {m["doc"] for m in mentions} <= {d.id for d in timeline.documents}
    # spreadsheet programs read the BOM-prefixed bytes as UTF-8
    assert with_bom.encode("utf-8").decode("utf-8-sig").startswith("entry,")


def test_timelinejs_partial_dates_and_display_date(timeline):
    data = json.loads(EXPORTERS["timelinejs"](timeline))
    events = {e["unique_id"]: e for e in data["events"]}
    assert len(events) == len(timeline.entries)
    for entry in timeline.entries:
        event = events[entry.id]
        start = event["start_date"]
        assert isinstance(start["year"], int)
        if entry.granularity in ("year", "decade", "century") and "/" not in entry.value:
            assert set(start) == {"year"}
        if entry.granularity == "month":
            assert set(start) == {"year", "month"}
        if entry.granularity == "day" and "/" not in entry.value:
            assert set(start) == {"year", "month", "day"}
        if entry.mod or "T" in entry.value:
            assert event["display_date"]
        assert event["text"]["headline"] and event["group"]
    (visit,) = [e for e in timeline.entries if e.value == "2021-11-23/2021-11-25"]
    assert events[visit.id]["end_date"] == {"year": 2021, "month": 11, "day": 25}


def test_vis_points_and_ranges(timeline):
    data = json.loads(EXPORTERS["vis"](timeline))
    items = {i["id"]: i for i in data["items"]}
    for entry in timeline.entries:
        item = items[entry.id]
        assert set(item) >= {"id", "content", "start", "type", "group", "title"}
        if entry.start_date == entry.end_date:
            assert item["type"] == "point" and "end" not in item
        else:
            assert item["type"] == "range" and item["end"] > item["start"]
    assert {g["id"] for g in data["groups"]} == {i["group"] for i in data["items"]}


def test_timeml_is_well_formed_and_keeps_the_text(pairs):
    text = EXPORTERS["timeml"](TimelineOutput(), pairs=pairs)
    root = ET.fromstring(text.encode("utf-8"))
    documents = root.findall("TimeML")
    assert len(documents) == len(pairs)
    for (document, tags), element in zip(pairs, documents):
        body = element.find("TEXT")
        assert "".join(body.itertext()) == document.text
        timexes = body.findall("TIMEX3")
        assert [t.text for t in timexes] == [t.text for t in tags.timexes]
        assert element.find("DCT/TIMEX3").get("value") == tags.anchor.date.isoformat()
    assert '<TIMEX3 tid="t1" type="DATE" value="2021-11-24">اليوم الأربعاء</TIMEX3>' in text


def test_timeml_escapes_markup_and_control_characters():
    from chrono.export.timeml import annotate
    from chrono.models import Document, DocumentTags, Anchor, Timex

    text = 'a < b & "c"\x01 اليوم'
    at = text.index("اليوم")
    tags = DocumentTags(id="x", anchor=Anchor(), timexes=[
        Timex(id="t1", start=at, end=at + 5, text="اليوم", type="DATE", value="XXXX-XX-XX", rule="r")])
    xml = annotate(Document(id="x", text=text), tags)
    assert ET.fromstring(xml.encode("utf-8")).find("TEXT/TIMEX3").text == "اليوم"


def test_table_isolates_arabic_and_marks_conflicts(timeline):
    table = EXPORTERS["table"](timeline)
    lines = table.splitlines()
    assert len(lines) == len(timeline.entries) + 1
    assert RLI in table and PDI in table and table.count(RLI) == table.count(PDI)
    tenth = next(line for line in lines if line.startswith("2020-12-10"))
    assert "≠e" in tenth
    assert bidi_text("وقع المغرب 2021", "reorder") == "2021 برغملا عقو"
    assert bidi_text("نهاية 2020", "isolate") == RLI + "نهاية 2020" + PDI
    assert bidi_text("2021-11-24", "isolate") == "2021-11-24"
    assert bidi_text("(د.ب.أ)", "reorder") == "(أ.ب.د)"


def test_html_slot_is_registered():
    assert "html" in EXPORTERS


# ---------------------------------------------------------------- the command

@pytest.fixture
def hand_tagger(monkeypatch):
    """The command with the hand-built tags instead of the tagger (independent of its progress)."""
    import types
    import sys

    def tag_document(document, settings):
        if "boom" in document.text:
            raise RuntimeError("boom")
        return hand_tags(document)

    module = types.ModuleType("chrono.pipeline")
    module.tag_document = tag_document
    monkeypatch.setitem(sys.modules, "chrono.pipeline", module)


def _run(*args):
    from chrono.cli.timeline import timeline

    return CliRunner().invoke(timeline, list(args))


def test_cli_table_json_and_timeml_directory(hand_tagger, tmp_path):
    manifest = str(SEEDS / "manifest.json")
    result = _run(str(SEEDS), "--manifest", manifest)
    assert result.exit_code == 0, result.output
    assert "2020-12-10" in result.output and RLI in result.output
    out = tmp_path / "timeline.json"
    result = _run(str(SEEDS), "--manifest", manifest, "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, load("timeline.schema.json"))
    directory = tmp_path / "timeml"
    result = _run(str(SEEDS), "--manifest", manifest, "--format", "timeml", "-o", str(directory) + "/")
    assert result.exit_code == 0, result.output
    assert len(list(directory.glob("*.tml"))) == 5


def test_cli_usage_errors_exit_2(hand_tagger):
    assert _run(str(SEEDS), "--anchor", "not a date at all").exit_code == 2
    assert _run(str(SEEDS), "--format", "pdf").exit_code == 2
    assert _run().exit_code == 2


def test_cli_failed_document_exits_1_and_is_listed(hand_tagger, tmp_path):
    bad = tmp_path / "999_bad.txt"
    bad.write_text("boom اليوم", encoding="utf-8")
    good = next(SEEDS.glob("001_*.txt"))
    result = CliRunner().invoke(__import__("chrono.cli.timeline", fromlist=["timeline"]).timeline,
                                [str(good), str(bad), "--anchor", "2021-11-24", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout if hasattr(result, "stdout") else result.output)
    assert [e["id"] for e in data["errors"]] and "boom" in data["errors"][0]["reason"]
    assert data["entries"]
