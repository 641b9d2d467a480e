"""Dates for people (chrono/export/display.py): one vocabulary for the short and the Arabic
register, and the typed fields of an entry telling the same date as its value."""
from __future__ import annotations

from datetime import date

import pytest

from chrono.export.display import (MOD_WORDS, arabic_date, arabic_value, machine_date, needs_display_date,
                                   short_date)
from chrono.models import Entry
from chrono.pipeline import tag_text
from chrono.resolve import narrow

ANCHOR = date(2021, 11, 24)
PHRASES = [
    "اليوم الأربعاء", "مساء أمس", "ليلة الثلاثاء", "ظهر اليوم", "الساعة 10:30", "نوفمبر 2021",
    "عام 2020", "الأسبوع الماضي", "الربع الرابع من 2021", "النصف الأول من 2020", "التسعينيات",
    "القرن العشرين", "صيف 2016", "شتاء 2020", "من 23 إلى 25 نوفمبر 2021", "من 2017 إلى 2021",
    "من مارس إلى مايو 2021", "رمضان 1443",
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
            if mod in ("START", "MID", "END"):
                start, end = narrow(start, end, mod)
            entries.append(_entry(timex.value, timex.granularity, start, end, mod, timex.type))
    return entries


@pytest.mark.parametrize("entry", _tagged_entries(), ids=lambda e: f"{e.value}-{e.mod}")
def test_typed_fields_tell_the_same_date_as_the_value(entry):
    assert arabic_date(entry) == arabic_value(entry.value, mod=entry.mod, start=entry.start_date,
                                              end=entry.end_date)


@pytest.mark.parametrize("mod", list(MOD_WORDS))
def test_both_registers_use_one_word_per_modifier(mod):
    entry = _entry("2020", "year", date(2020, 1, 1), date(2020, 12, 31), mod)
    assert short_date(entry) == arabic_date(entry) == f"{MOD_WORDS[mod]} 2020"


@pytest.mark.parametrize("value, granularity, start, type_, short, arabic", [
    ("2021-11-24", "day", date(2021, 11, 24), "DATE", "2021-11-24", "24 نوفمبر 2021"),
    ("2021-11-24TEV", "part_of_day", date(2021, 11, 24), "TIME", "2021-11-24 مساءً", "مساء 24 نوفمبر 2021"),
    ("2021-11-24TAF", "part_of_day", date(2021, 11, 24), "TIME", "2021-11-24 بعد الظهر",
     "بعد ظهر 24 نوفمبر 2021"),
    ("2021-11-24T18:30", "minute", date(2021, 11, 24), "TIME", "2021-11-24 18:30", "24 نوفمبر 2021، الساعة 18:30"),
    ("201", "decade", date(2010, 1, 1), "DATE", "2010s", "العقد 2010–2019"),
    ("19", "century", date(1900, 1, 1), "DATE", "20th c.", "القرن العشرين"),
    ("2021-W47", "week", date(2021, 11, 22), "DATE", "2021-W47", "الأسبوع 47 من 2021"),
    ("2017/2021", "year", date(2017, 1, 1), "DATE", "2017 – 2021", "2017–2021"),
    ("XXXX-12-10", "day", None, "DATE", "XXXX-12-10", "10 ديسمبر (السنة غير معروفة)"),
])
def test_short_and_arabic_registers(value, granularity, start, type_, short, arabic):
    entry = _entry(value, granularity, start, type_=type_)
    assert short_date(entry) == short
    assert arabic_date(entry) == arabic


def test_a_season_is_told_by_its_interval_not_as_a_quarter():
    summer = _entry("2016-SU", "quarter", date(2016, 6, 1), date(2016, 8, 31))
    assert arabic_date(summer) == "1 يونيو – 31 أغسطس 2016"


def test_what_timelinejs_must_spell_out():
    day = _entry("2021-11-24", "day", date(2021, 11, 24))
    assert not needs_display_date(day)
    assert needs_display_date(day.model_copy(update={"mod": "APPROX"}))
    assert needs_display_date(_entry("2021-11-24TNI", "part_of_day", date(2021, 11, 24), type_="TIME"))
    assert needs_display_date(_entry("2021-11-23/2021-11-25", "day", date(2021, 11, 23), date(2021, 11, 25)))
    assert needs_display_date(_entry("199", "decade", date(1990, 1, 1), date(1999, 12, 31)))


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
