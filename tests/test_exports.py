"""Exports (the registry, json + schemas, csv, timelinejs, vis, timeml, table) and the `timeline` command."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from chrono.export import FORMATS, format_names, render_timeline, writer
from chrono.export.table import PDI, RLI, bidi_text
from chrono.export.tagged import Tagged
from chrono.merge import build_timeline
from chrono.models import DocumentError, KeptArticle, QueryTerm, StoryQuery, TimelineOutput
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
    text = render_timeline("json", timeline)
    data = json.loads(text)
    jsonschema.validate(data, load("timeline.schema.json"))
    assert data["schema"] == "chrono.timeline/1"
    assert TimelineOutput.model_validate(data) == timeline
    assert "اليوم" in text  # Arabic kept as UTF-8, not \\u escapes


def test_json_written_piece_by_piece_is_the_rendered_text(timeline):
    from chrono.export.jsonout import write_timeline

    errors = [DocumentError(path="bad.txt", id="bad", reason="not UTF-8")]
    query = StoryQuery(text="الاتفاق النووي", terms=[QueryTerm(word="النووي", stem="نوو", documents=2)], top=50,
                       min_score=0.2, considered=9, matched=2, kept=[KeptArticle(id="001", score=3.5)])
    for case in (timeline, timeline.model_copy(update={"errors": errors, "query": query}), TimelineOutput()):
        out = io.StringIO()
        write_timeline(case, out)
        assert out.getvalue() == render_timeline("json", case)


def test_schema_rejects_a_broken_timeline(timeline):
    data = json.loads(render_timeline("json", timeline))
    data["entries"][0]["start_date"] = 12
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load("timeline.schema.json"))


def test_csv_one_row_per_entry_and_per_mention_with_bom(timeline):
    rows = list(csv.DictReader(io.StringIO(render_timeline("csv", timeline))))
    assert len(rows) == len(timeline.entries)
    assert rows[0]["id"] == "e1" and rows[0]["label"] == timeline.entries[0].label
    with_bom = render_timeline("csv", timeline, per_mention=True, bom=True)
    assert with_bom.startswith("\ufeff") and "\r\n" in with_bom
    mentions = list(csv.DictReader(io.StringIO(with_bom.lstrip("\ufeff"))))
    assert len(mentions) == sum(len(e.mentions) for e in timeline.entries)
    assert {m["doc"] for m in mentions} <= {d.id for d in timeline.documents}
    # spreadsheet programs read the BOM-prefixed bytes as UTF-8
    assert with_bom.encode("utf-8").decode("utf-8-sig").startswith("entry,")


def test_timelinejs_partial_dates_and_display_date(timeline):
    data = json.loads(render_timeline("timelinejs", timeline))
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
    data = json.loads(render_timeline("vis", timeline))
    items = {i["id"]: i for i in data["items"]}
    for entry in timeline.entries:
        item = items[entry.id]
        assert set(item) >= {"id", "content", "start", "type", "group", "title"}
        if entry.start_date == entry.end_date:
            assert item["type"] == "point" and "end" not in item
        else:
            assert item["type"] == "range" and item["end"] > item["start"]
    assert {g["id"] for g in data["groups"]} == {i["group"] for i in data["items"]}


def _written(name, output, items, **options) -> str:
    out = io.StringIO()
    writer(name, output).write(items, out, **options)
    return out.getvalue()


def test_timeml_is_well_formed_and_keeps_the_text(pairs):
    text = _written("timeml", "tags", [Tagged(tags, document) for document, tags in pairs])
    root = ET.fromstring(text.encode("utf-8"))
    documents = root.findall("TimeML")
    assert len(documents) == len(pairs)
    for (document, tags), element in zip(pairs, documents, strict=True):
        body = element.find("TEXT")
        assert "".join(body.itertext()) == document.text
        timexes = body.findall("TIMEX3")
        assert [t.text for t in timexes] == [t.text for t in tags.timexes]
        assert element.find("DCT/TIMEX3").get("value") == tags.anchor.date.isoformat()
    assert '<TIMEX3 tid="t1" type="DATE" value="2021-11-24">اليوم الأربعاء</TIMEX3>' in text


def test_timeml_escapes_markup_and_control_characters():
    from chrono.export.timeml import annotate
    from chrono.models import Anchor, Document, DocumentTags, Timex

    text = 'a < b & "c"\x01 اليوم'
    at = text.index("اليوم")
    tags = DocumentTags(id="x", anchor=Anchor(), timexes=[
        Timex(id="t1", start=at, end=at + 5, text="اليوم", type="DATE", value="XXXX-XX-XX", rule="r")])
    xml = annotate(Document(id="x", text=text), tags)
    assert ET.fromstring(xml.encode("utf-8")).find("TEXT/TIMEX3").text == "اليوم"


def test_table_isolates_arabic_and_marks_conflicts(timeline):
    table = render_timeline("table", timeline)
    lines = table.splitlines()
    assert lines[0].split() == ["id", "date", "conflicts", "label", "sources"]
    assert len(lines) == 1 + len(timeline.entries) + 3  # header, entries, count, two legend lines
    assert RLI in table and PDI in table and table.count(RLI) == table.count(PDI)
    (tenth_entry,) = [e for e in timeline.entries if e.value == "2020-12-10"]
    tenth = next(line for line in lines if line.startswith(tenth_entry.id + " "))
    assert RLI + "10 ديسمبر 2020" + PDI in tenth and "≠e" in tenth
    assert bidi_text("وقع المغرب 2021", "reorder") == "2021 برغملا عقو"
    assert bidi_text("نهاية 2020", "isolate") == RLI + "نهاية 2020" + PDI
    assert bidi_text("2021-11-24", "isolate") == "2021-11-24"
    assert bidi_text("(د.ب.أ)", "reorder") == "(أ.ب.د)"


# ---------------------------------------------------------------- the registry


def test_the_registry_says_which_format_writes_what():
    assert format_names("tags") == ["json", "jsonl", "csv", "timeml"]
    assert format_names("timeline") == ["json", "csv", "timeml", "timelinejs", "vis", "html", "table"]
    assert FORMATS["csv"].tags.options == {"bom"}
    assert FORMATS["csv"].timeline.options == {"bom", "per_mention"}
    assert FORMATS["table"].timeline.options == {"bidi", "label_width"}
    assert FORMATS["json"].timeline.options == frozenset()
    assert all(FORMATS[name].tags.streams for name in format_names("tags"))
    assert FORMATS["timeml"].timeline.reads == "chronology" and not FORMATS["json"].timeline.streams
    with pytest.raises(ValueError, match="cannot write the tags"):
        writer("vis", "tags")
    with pytest.raises(ValueError, match="cannot write the timeline"):
        writer("pdf", "timeline")


def _keyword_options(function) -> set[str]:
    import inspect

    parameters = list(inspect.signature(function).parameters.values())
    return {p.name for p in parameters if p.default is not inspect.Parameter.empty}


def test_each_writer_takes_exactly_the_options_the_registry_lists():
    for output in ("tags", "timeline"):
        for name in format_names(output):
            found = writer(name, output)
            assert _keyword_options(found.write) == found.options, (name, output)


def test_an_option_a_format_does_not_take_is_an_error_not_ignored(timeline):
    with pytest.raises(TypeError):
        render_timeline("json", timeline, bom=True)


def _items(pairs, with_error=True):
    items = [Tagged(tags, document) for document, tags in pairs]
    if with_error:
        items.insert(1, DocumentError(path="bad.txt", id="bad", reason="boom"))
    return items


@pytest.mark.parametrize("name", ["json", "jsonl", "csv", "timeml"])
def test_tag_writers_write_each_document_before_reading_the_next(pairs, name):
    """Streaming: memory stays flat because nothing waits for the end of the input."""
    out = io.StringIO()
    ids = [document.id for document, _ in pairs]

    def one_at_a_time():
        for index, item in enumerate(_items(pairs, with_error=False)):
            if index:
                assert ids[index - 1] in out.getvalue(), f"{name} held {ids[index - 1]}"
            yield item

    writer(name, "tags").write(one_at_a_time(), out)
    assert ids[-1] in out.getvalue()


def test_tag_and_timeline_csv_share_one_dialect(pairs, timeline):
    tags_csv = _written("csv", "tags", _items(pairs), bom=True)
    timeline_csv = render_timeline("csv", timeline, bom=True)
    for text in (tags_csv, timeline_csv):
        assert text.startswith("\ufeff") and text.endswith("\r\n")
        assert "\n" not in text.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(tags_csv.lstrip("\ufeff"), newline="")))
    assert len(rows) == sum(len(tags.timexes) for _, tags in pairs)
    assert {r["in_quote"] for r in rows} <= {"true", "false"} and "False" not in tags_csv
    assert not _written("csv", "tags", _items(pairs)).startswith("\ufeff")


def test_json_tags_list_errors_at_the_end_and_jsonl_in_place(pairs):
    data = json.loads(_written("json", "tags", _items(pairs)))
    assert [d["id"] for d in data["documents"]] == [d.id for d, _ in pairs]
    assert [e["id"] for e in data["errors"]] == ["bad"]
    lines = _written("jsonl", "tags", _items(pairs)).splitlines()
    assert json.loads(lines[1]) == {"error": {"path": "bad.txt", "line": None, "id": "bad", "reason": "boom"}}
    assert [json.loads(line)["id"] for i, line in enumerate(lines) if i != 1] == [d.id for d, _ in pairs]


def test_timeml_folder_has_one_file_per_document(pairs, timeline, tmp_path):
    writer("timeml", "tags").to_folder(_items(pairs), str(tmp_path / "tml"))
    files = sorted(p.name for p in (tmp_path / "tml").iterdir())
    assert files == sorted(d.id + ".tml" for d, _ in pairs)
    writer("timeml", "timeline").to_folder(_items(pairs), timeline, str(tmp_path / "chronology"))
    files = sorted(p.name for p in (tmp_path / "chronology").iterdir())
    assert files == sorted(d.id + ".tml" for d, _ in pairs)
    files = sorted(p.name for p in (tmp_path / "tml").iterdir())
    files = sorted(p.name for p in (tmp_path / "tml").iterdir())
    assert files == sorted(d.id + ".tml" for d, _ in pairs)


# ---------------------------------------------------------------- the command

@pytest.fixture
def hand_tagger(monkeypatch):
    """The command with the hand-built tags instead of the tagger (independent of its progress)."""

    def tag_document(document, settings=None):
        if "boom" in document.text:
            raise RuntimeError("boom")
        return hand_tags(document)

    monkeypatch.setattr("chrono.pipeline.tag_document", tag_document)


def _run(*args):
    from chrono.cli.timeline import timeline

    return CliRunner().invoke(timeline, list(args))


def test_cli_table_json_and_timeml_directory(hand_tagger, tmp_path):
    manifest = str(SEEDS / "manifest.json")
    result = _run(str(SEEDS), "--manifest", manifest)
    assert result.exit_code == 0, result.output
    assert RLI + "10 ديسمبر 2020" + PDI in result.output
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
