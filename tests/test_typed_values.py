"""The typed view of a value (chrono/models.py): what attach, merge and the exports read instead
of value strings. It is read from the strings the JSON contract carries, so it must agree with
the tagger's own values and must not change the contract."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from chrono.merge import build_timeline
from chrono.models import Entry, Mention, TimelineOutput, Timex, ValuePoint, dump_json, read_value
from chrono.pipeline import tag_document, tag_text
from chrono.read import iter_inputs, load_manifest
from chrono.tagger.values import TimeValue, parse_canonical
from tools.corpus import read_cases

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def corpus_timexes() -> list[Timex]:
    """Every timex of the expression corpus, with its row's anchor and without any anchor."""
    found = []
    for path in sorted(p for p in CORPUS.glob("*.txt") if p.name != "negatives.txt"):
        for case in read_cases(path):
            found += tag_text(case.text, case.anchor)
            found += tag_text(case.text, None)
    return found


def test_points_and_ranges_as_data():
    visit = read_value("2021-11-23/2021-11-25")  # "من 23 إلى 25 نوفمبر"
    assert visit.is_range and (visit.start.day, visit.end.day) == (23, 25) and visit.start.month == 11
    ramadan = read_value("2022-04-02/2022-05-01")  # "رمضان 1443": a Hijri month in Gregorian days
    assert ramadan.is_range and ramadan.end.month == 5
    night = read_value("2021-11-23TNI")  # "منتصف ليلة أمس"
    assert not night.is_range and night.start is night.end
    assert (night.start.shape, night.start.day, night.start.part_of_day) == ("part_of_day", 23, "NI")
    assert read_value("2021-11-24T10:30").start == ValuePoint(
        "2021-11-24T10:30", "clock", year=2021, month=11, day=24, hour=10, minute=30)
    unanchored = read_value("XXXX-12-10")  # "العاشر من ديسمبر" without an anchor
    assert unanchored.unknown and unanchored.start.year is None and unanchored.start.month == 12
    assert read_value("199").start.decade == 199 and read_value("20").start.century == 20
    assert read_value("2021-Q4").start.quarter == 4 and read_value("2021-W47").start.week == 47
    assert read_value("2021-H1").start.half == 1 and read_value("2016-SU").start.season == "SU"
    assert read_value("PRESENT_REF").is_reference and read_value("2019/PRESENT_REF").is_reference
    assert read_value("P3D").start.shape == "duration" and read_value("PXD").unknown
    assert read_value("not a value").start.shape == "other"


def test_every_value_the_resolver_gives_is_understood(corpus_timexes):
    shapes = set()
    for timex in corpus_timexes:
        typed = timex.typed_value
        for point in (typed.start, typed.end):
            assert point.shape != "other", (timex.text, timex.value)
            shapes.add(point.shape)
        if typed.start.shape == "day" and not typed.is_range and not typed.unknown and timex.start_date:
            assert date(typed.start.year, typed.start.month, typed.start.day) == timex.start_date
    assert {"day", "month", "year", "part_of_day", "week", "quarter", "decade", "century", "reference",
            "duration"} <= shapes


def _names_a_year(value: TimeValue) -> bool:
    if value.kind == "range":
        return _names_a_year(value.start()) or _names_a_year(value.end())
    return value.year is not None or value.hijri_year is not None


def test_anchored_agrees_with_the_tagger_values(corpus_timexes):
    """`Timex.anchored` reads the canonical form's field names; the tagger's own parser of that
    form must say the same for every expression of the corpus."""
    seen = {True: 0, False: 0}
    hijri = ranges = 0
    for timex in corpus_timexes:
        value = parse_canonical(timex.underspecified)
        assert timex.anchored == (not _names_a_year(value)), (timex.text, timex.underspecified)
        seen[timex.anchored] += 1
        hijri += value.hijri_year is not None
        ranges += value.kind == "range"
    assert min(seen.values()) > 100 and hijri > 10 and ranges > 10


def test_anchored_without_an_underspecified_value_reads_the_text():
    base = {"id": "t1", "start": 0, "type": "DATE", "value": "2020-12-10", "rule": "hand"}
    assert Timex(text="أمس", end=3, **base).anchored
    assert not Timex(text="10 ديسمبر 2020", end=14, **base).anchored
    assert not Timex(text="١٠ ديسمبر ٢٠٢٠", end=14, **base).anchored  # Arabic-Indic digits too


def test_the_view_is_not_serialised_and_survives_json():
    manifest = load_manifest(str(SEEDS / "manifest.json"))
    docs = list(iter_inputs([str(SEEDS)], manifest=manifest))
    timeline = build_timeline([(d, tag_document(d)) for d in docs])
    text = dump_json(timeline)
    assert "typed_value" not in text and "anchored" not in text
    read_back = TimelineOutput.model_validate(json.loads(text))
    assert read_back == timeline
    ranges = [e for e in read_back.entries if e.typed_value.is_range]
    assert ranges, "the seeds have the visit 2021-11-23/2021-11-25"
    for built, again in zip(timeline.entries, read_back.entries, strict=True):
        assert built.typed_value == again.typed_value
        assert [m.typed_value for m in built.mentions] == [m.typed_value for m in again.mentions]
    assert set(Entry.model_fields) == set(json.loads(text)["entries"][0])
    assert set(Mention.model_fields) == set(json.loads(text)["entries"][0]["mentions"][0])
