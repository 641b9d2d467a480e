"""TimeML output (issue 15): `chrono timeline --format timeml` is a chronology (EVENT, MAKEINSTANCE,
TIMEX3, TLINK), `chrono tag --format timeml` stays TIMEX3-only, and every document either writes
is valid against the TimeML 1.2.1 DTD shipped in chrono/schemas/timeml.dtd."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from chrono.attach import attach_document
from chrono.cli import main
from chrono.export.timeml import chronology_document, placed_mentions, trigger_span
from chrono.merge import build_timeline
from chrono.models import Anchor, Document
from chrono.pipeline import tag_document

ROOT = Path(__file__).resolve().parent.parent
DTD = etree.DTD(str(ROOT / "chrono" / "schemas" / "timeml.dtd"))
SEEDS = ["seeds/", "--manifest", "seeds/manifest.json"]


def _documents(args: list[str]) -> list[etree._Element]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return list(etree.fromstring(result.stdout.encode("utf-8")))


def _valid(element: etree._Element) -> bool:
    """One <TimeML> document against the DTD (IDs are unique per document, not per stream)."""
    ok = DTD.validate(etree.ElementTree(etree.fromstring(etree.tostring(element))))
    assert ok, DTD.error_log.filter_from_errors()
    return ok


@pytest.fixture(scope="module")
def chronology():
    return _documents(["timeline", *SEEDS, "--format", "timeml"])


@pytest.fixture(scope="module")
def timeline_json():
    import json

    result = CliRunner().invoke(main, ["timeline", *SEEDS, "--format", "json"], catch_exceptions=False)
    return json.loads(result.stdout)


def test_every_document_of_both_outputs_is_valid_timeml(chronology):
    tags = _documents(["tag", *SEEDS, "--format", "timeml"])
    assert len(tags) == len(chronology) == 5
    assert all(_valid(document) for document in tags + chronology)


def test_the_dtd_catches_what_is_not_timeml():
    broken = etree.fromstring(b'<TimeML><TEXT><EVENT eid="e1">x</EVENT></TEXT>'
                              b'<TLINK lid="l1" relType="WHENEVER" eventInstanceID="ei9"/></TimeML>')
    assert not DTD.validate(broken)
    errors = " ".join(str(e) for e in DTD.error_log.filter_from_errors())
    assert "class" in errors and "WHENEVER" in errors and "ei9" in errors


def test_tag_timeml_has_expressions_only():
    for document in _documents(["tag", *SEEDS, "--format", "timeml"]):
        assert document.findall(".//EVENT") == [] and document.findall("TLINK") == []
        assert document.findall("TEXT/TIMEX3")


def test_the_chronology_has_an_event_for_each_entry_trigger_in_each_document(chronology, timeline_json):
    """Every entry's mention whose trigger stands in its clause is an event instance of that
    entry in that document, included in the mention's TIMEX3."""
    by_doc = {d.findtext("DOCID"): d for d in chronology}
    instances = 0
    for entry in timeline_json["entries"]:
        for mention in entry["mentions"]:
            document = by_doc[mention["doc"]]
            mine = [m for m in document.findall("MAKEINSTANCE") if m.get("comment") == "entry " + entry["id"]]
            included = {(link.get("eventInstanceID"), link.get("relatedToTime"))
                        for link in document.findall("TLINK") if link.get("relType") == "IS_INCLUDED"}
            if any((m.get("eiid"), mention["timex"]) in included for m in mine):
                instances += 1
    total = sum(len(e["mentions"]) for e in timeline_json["entries"])
    assert instances >= 0.9 * total, (instances, total)  # the rest have no trigger in their clause
    signing = next(e for e in timeline_json["entries"] if e["label"].startswith("وقع المغرب وإسرائيل"))
    first = by_doc["001_76ae0159d87ba1ac"]
    event = next(e for e in first.iter("EVENT") if e.text == "وقع")
    assert event.get("class") == "OCCURRENCE"
    (instance,) = [m for m in first.findall("MAKEINSTANCE") if m.get("eventID") == event.get("eid")]
    assert instance.get("comment") == "entry " + signing["id"]


def test_before_and_after_follow_the_chronology(chronology, timeline_json):
    entries = {e["id"]: e for e in timeline_json["entries"]}
    ordered = 0
    for document in chronology:
        entry_of = {m.get("eiid"): entries[m.get("comment").split()[1]] for m in document.findall("MAKEINSTANCE")}
        position = {}
        for offset, element in enumerate(document.find("TEXT").iter("EVENT")):
            position[element.get("eid")] = offset
        event_of = {m.get("eiid"): m.get("eventID") for m in document.findall("MAKEINSTANCE")}
        for link in document.findall("TLINK"):
            relation = link.get("relType")
            if relation not in ("BEFORE", "AFTER"):
                continue
            source, target = entry_of[link.get("eventInstanceID")], entry_of[link.get("relatedToEventInstance")]
            earlier, later = (source, target) if relation == "BEFORE" else (target, source)
            assert earlier["end_date"] < later["start_date"], (document.findtext("DOCID"), link.attrib)
            # a link runs from the event met first in the text
            first, second = event_of[link.get("eventInstanceID")], event_of[link.get("relatedToEventInstance")]
            assert position[first] <= position[second]
            ordered += 1
    assert ordered >= 5


def test_links_grow_linearly_with_the_events(chronology):
    for document in chronology:
        instances = len(document.findall("MAKEINSTANCE"))
        times = sum(1 for link in document.findall("TLINK") if link.get("relType") == "IS_INCLUDED")
        orders = sum(1 for link in document.findall("TLINK") if link.get("relType") in ("BEFORE", "AFTER"))
        assert orders <= max(instances - 1, 0) and times >= instances


def test_trigger_span_is_the_word_attach_chose():
    text = "ووصل بيني غانتس إلى الرباط ليلة الثلاثاء في زيارة رسمية"
    document = Document(id="d", text=text, anchor=Anchor(date=date(2021, 11, 24), source="cli", confidence=1.0))
    tags = tag_document(document)
    (event,) = list(attach_document(document, tags))
    start, end = trigger_span(text, event)
    assert text[start:end] == event.trigger == "وصل" and start == 1
    xml = chronology_document(document, tags, placed_mentions(build_timeline([(document, tags)])))
    assert '<EVENT eid="e1" class="OCCURRENCE">وصل</EVENT>' in xml
    assert _valid(etree.fromstring(xml.encode("utf-8")))


def test_a_folder_of_chronology_files(tmp_path):
    result = CliRunner().invoke(main, ["timeline", *SEEDS, "--format", "timeml", "-o", str(tmp_path) + "/"])
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("*.tml"))
    assert len(files) == 5
    for path in files:
        document = etree.parse(str(path))
        assert DTD.validate(document), DTD.error_log.filter_from_errors()
        assert document.findall(".//EVENT")
