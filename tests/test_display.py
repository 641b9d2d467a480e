"""Dates for people (chrono/export/display.py): Arabic everywhere people read them (the page,
the table, the CSV display column, TimelineJS, vis), the typed fields of an entry telling the
same date as its value, and no Latin letter or ISO form left in any of them."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

from chrono.export import render_timeline
from chrono.export.display import MOD_WORDS, arabic_date, arabic_value, machine_date
from chrono.models import Entry
from chrono.pipeline import tag_text
from chrono.resolve import narrow

ANCHOR = date(2021, 11, 24)
PHRASES = [
    "اليوم الأربعاء", "مساء أمس", "ليلة الثلاثاء", "ظهر اليوم", "الساعة 10:30", "نوفمبر 2021",
    "عام 2020", "الأسبوع الماضي", "الربع الرابع من 2021", "النصف الأول من 2020", "التسعينيات",
    "القرن العشرين", "صيف 2016", "شتاء 2020", "من 23 إلى 25 نوفمبر 2021", "من 2017 إلى 2021",
    "من مارس إلى مايو 2021", "رمضان 1443", "ظهر اليوم", "الشتاء المقبل", "ربيع عام 1978",
    "أواخر القرن التاسع عشر", "300 ق.م",
]


def _entry(value, granularity, start=None, end=None, mod=None, type_="DATE") -> Entry:
    return Entry(id="e1", value=value, type=type_, granularity=granularity, start_date=start,
                 end_date=end or start, mod=mod, label="حدث", sources=["doc1"], mentions=[])


def _tagged_entries() -> list[Entry]:
    """What the tagger gives for PHRASES, with every modifier (START/MID/END narrow the interval
    as the resolver does)."""
    entries = []
    for phrase in PHRASES:
        (timex,) = tag_text(phrase, ANCHOR)
        for mod in [None, *MOD_WORDS]:
            start, end = timex.start_date, timex.end_date
            if mod in ("START", "MID", "END") and start is not None:
                start, end = narrow(start, end, mod)
            entries.append(_entry(timex.value, timex.granularity, start, end, mod, timex.type))
    return entries


@pytest.mark.parametrize("entry", _tagged_entries(), ids=lambda e: f"{e.value}-{e.mod}")
def test_typed_fields_tell_the_same_date_as_the_value(entry):
    assert arabic_date(entry) == arabic_value(entry.value, mod=entry.mod, start=entry.start_date,
                                              end=entry.end_date)


@pytest.mark.parametrize("mod", list(MOD_WORDS))
def test_one_word_per_modifier(mod):
    entry = _entry("2020", "year", date(2020, 1, 1), date(2020, 12, 31), mod)
    assert arabic_date(entry) == f"{MOD_WORDS[mod]} 2020"


@pytest.mark.parametrize("value, granularity, start, end, type_, arabic", [
    ("2021-11-24", "day", date(2021, 11, 24), None, "DATE", "24 نوفمبر 2021"),
    ("2021-11-24TEV", "part_of_day", date(2021, 11, 24), None, "TIME", "مساء 24 نوفمبر 2021"),
    ("2021-11-24TAF", "part_of_day", date(2021, 11, 24), None, "TIME", "بعد ظهر 24 نوفمبر 2021"),
    ("2021-11-24TMI", "part_of_day", date(2021, 11, 24), None, "TIME", "ظهر 24 نوفمبر 2021"),
    ("2021-11-24T18:30", "minute", date(2021, 11, 24), None, "TIME", "24 نوفمبر 2021، الساعة 18:30"),
    ("201", "decade", date(2010, 1, 1), date(2019, 12, 31), "DATE", "العقد 2010–2019"),
    ("133", "decade", date(1330, 1, 1), date(1339, 12, 31), "DATE", "ثلاثينيات القرن الرابع عشر (1330–1339)"),
    ("199", "decade", date(1990, 1, 1), date(1999, 12, 31), "DATE", "التسعينيات (1990–1999)"),
    ("19", "century", date(1900, 1, 1), date(1999, 12, 31), "DATE", "القرن العشرون"),
    ("00", "century", date(1, 1, 1), date(99, 12, 31), "DATE", "القرن الأول"),
    ("20", "century", date(2000, 1, 1), date(2099, 12, 31), "DATE", "القرن الحادي والعشرون"),
    ("2015-W24", "week", date(2015, 6, 8), date(2015, 6, 14), "DATE", "الأسبوع 24 من 2015"),
    ("2014-H1", "half", date(2014, 1, 1), date(2014, 6, 30), "DATE", "النصف الأول من 2014"),
    ("2021-Q4", "quarter", date(2021, 10, 1), date(2021, 12, 31), "DATE", "الربع الرابع من 2021"),
    ("1434-SU", "quarter", date(1434, 6, 1), date(1434, 8, 31), "DATE", "صيف 1434"),
    ("2021-WI", "quarter", date(2021, 12, 1), date(2022, 2, 28), "DATE", "شتاء 2021–2022"),
    ("2017/2021", "year", date(2017, 1, 1), date(2021, 12, 31), "DATE", "2017–2021"),
    ("XXXX-12-10", "day", None, None, "DATE", "10 ديسمبر (السنة غير معروفة)"),
])
def test_arabic_dates(value, granularity, start, end, type_, arabic):
    entry = _entry(value, granularity, start, end, type_=type_)
    assert arabic_date(entry) == arabic
    assert arabic_value(value, start=start, end=end or start) == arabic


def test_a_modifier_puts_the_century_in_the_genitive():
    entry = _entry("19", "century", date(1966, 1, 1), date(1999, 12, 31), "END")
    assert arabic_date(entry) == "أواخر القرن العشرين"
    assert arabic_value("19") == "القرن العشرون"


_NOT_FOR_PEOPLE = re.compile(r"[A-Za-z]|\d{4}-\d|\d{3}s\b")


def _corpus_entries() -> list[Entry]:
    """One entry per value shape the tagger gives on the expression corpus."""
    from pathlib import Path

    root = Path(__file__).resolve().parent / "corpus"
    shapes: dict[tuple, Entry] = {}
    for name in ("expressions.txt", "hijri.txt"):
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "|" not in line:
                continue
            cells = [cell.strip() for cell in line.split("|")]
            anchor = None if cells[1] == "-" else date.fromisoformat(cells[1])
            for phrasing in cells[2:]:
                for timex in tag_text(phrasing.replace("[", "").replace("]", ""), anchor):
                    if timex.type in ("DATE", "TIME"):
                        shape = (re.sub(r"\d", "9", timex.value), timex.granularity, timex.mod)
                        shapes.setdefault(shape, _entry(timex.value, timex.granularity, timex.start_date,
                                                        timex.end_date, timex.mod, timex.type))
    return list(shapes.values())


def test_no_latin_letter_or_iso_form_reaches_people():
    """Every date shape the corpus produces reads in Arabic: no "1th c.", "1330s", "2015-W24",
    "2014-H1", "1434-SU" or "XXXX-XX-XX" beside Arabic words."""
    entries = _corpus_entries()
    assert len(entries) > 40
    leaks = {e.value: arabic_date(e) for e in entries if _NOT_FOR_PEOPLE.search(arabic_date(e))}
    assert leaks == {}


def test_every_people_facing_export_uses_the_arabic_date():
    from chrono.merge import build_timeline

    from seed_hand_tags import hand_pairs

    timeline = build_timeline(hand_pairs())
    dates = {e.id: arabic_date(e) for e in timeline.entries}
    events = json.loads(render_timeline("timelinejs", timeline))["events"]
    assert {e["unique_id"]: e["display_date"] for e in events} == dates
    items = json.loads(render_timeline("vis", timeline))["items"]
    assert all(i["title"].startswith(dates[i["id"]]) for i in items)
    rows = list(csv.DictReader(io.StringIO(render_timeline("csv", timeline))))
    assert {r["id"]: r["display_date"] for r in rows} == dates
    mentions = list(csv.DictReader(io.StringIO(render_timeline("csv", timeline, per_mention=True))))
    assert all(m["display_date"] == dates[m["entry"]] for m in mentions)
    table = render_timeline("table", timeline, bidi="none")
    assert all(dates[e.id] in table for e in timeline.entries)
    page = render_timeline("html", timeline)
    assert all(dates[e.id] in page for e in timeline.entries)


def test_machine_date_only_for_a_plain_day_month_or_year():
    assert machine_date(_entry("2021-11-24", "day", date(2021, 11, 24))) == "2021-11-24"
    assert machine_date(_entry("2021-11", "month", date(2021, 11, 1), date(2021, 11, 30))) == "2021-11"
    assert machine_date(_entry("0622", "year", date(622, 1, 1), date(622, 12, 31))) == "0622"
    assert machine_date(_entry("2020", "year", date(2020, 9, 1), date(2020, 12, 31), "END")) == ""
    assert machine_date(_entry("2017/2021", "year", date(2017, 1, 1), date(2021, 12, 31))) == ""
    assert machine_date(_entry("2021-11-24TNI", "part_of_day", date(2021, 11, 24))) == ""
    assert machine_date(_entry("XXXX-12-10", "day")) == ""


def test_docstring_examples():
    import doctest

    import chrono.export.display
    import chrono.export.html

    for module in (chrono.export.display, chrono.export.html):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
