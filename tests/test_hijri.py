"""Hijri conversion, Hijri/holiday/dual rules: the fields the corpus rows do not check
(calendar, hijri_value, granularity, start/end, flags) and the look-alikes of ambiguous names.
Values come from the Umm al-Qura table (hijridate); tests/corpus/hijri.txt holds the phrase rows."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.resolve.hijri import (OUT_OF_RANGE, gregorian_range, month_span, resolve_hijri, to_gregorian, to_hijri,
                          year_span)
from chrono.pipeline import tag_text
from chrono.resolve import Context, resolve
from chrono.tag.values import TimeValue

ANCHOR = date(2021, 11, 24)  # Wednesday 19 ربيع الثاني 1443


def only(text: str, anchor=ANCHOR):
    found = tag_text(text, anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


# -- the four examples --------------------------------------------------------------------
def test_hijri_day_keeps_hijri_value():
    t = only("19 ربيع الثاني 1443 هـ")
    assert (t.value, t.granularity, t.calendar, t.hijri_value) == ("2021-11-24", "day", "hijri", "1443-04-19")
    assert t.start_date == t.end_date == date(2021, 11, 24)


def test_hijri_year_covers_its_gregorian_days():
    t = only("عام 1436 هـ")
    assert (t.granularity, t.hijri_value, t.calendar) == ("year", "1436", "hijri")
    assert (t.start_date, t.end_date) == (date(2014, 10, 25), date(2015, 10, 13))
    assert t.value == "2014-10-25/2015-10-13"


def test_ramadan_1443_is_a_month_interval():
    t = only("رمضان 1443")
    assert (t.granularity, t.hijri_value) == ("month", "1443-09")
    assert (t.start_date, t.end_date) == (date(2022, 4, 2), date(2022, 5, 1))


def test_eid_al_fitr_1443():
    t = only("عيد الفطر 1443")
    assert (t.value, t.granularity, t.hijri_value) == ("2022-05-02", "day", "1443-10-01")


# -- conversion -----------------------------------------------------------------------------------
@pytest.mark.parametrize("hijri,gregorian", [
    ((1443, 4, 19), date(2021, 11, 24)), ((1443, 9, 1), date(2022, 4, 2)), ((1400, 1, 1), date(1979, 11, 20)),
    ((1343, 1, 1), date(1924, 8, 1)), ((1500, 12, 30), date(2077, 11, 16)),
])
def test_conversion_both_ways(hijri, gregorian):
    assert to_gregorian(*hijri) == gregorian
    assert to_hijri(gregorian) == hijri


def test_spans():
    assert month_span(1443, 9) == (date(2022, 4, 2), date(2022, 5, 1))
    assert year_span(1436) == (date(2014, 10, 25), date(2015, 10, 13))
    assert gregorian_range() == (date(1924, 8, 1), date(2077, 11, 16))


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1924, 8, 1), max_value=date(2077, 11, 16)))
def test_month_span_contains_the_day(d):
    hy, hm, hd = to_hijri(d)
    start, end = month_span(hy, hm)
    assert start <= d <= end and (d - start).days == hd - 1 and 27 <= (end - start).days <= 29  # the early Umm al-Qura table has a few 28-day months (1349 AH)


# -- out of range, invalid, no anchor: never crash, never guess ------------------------------------
def test_out_of_range_keeps_hijri_value_without_gregorian_dates():
    t = only("ولد الشاعر عام (1325) هجري في مكة")
    assert (t.value, t.hijri_value, t.start_date, t.end_date) == ("XXXX", "1325", None, None)
    assert OUT_OF_RANGE in t.flags


def test_out_of_range_day():
    r = resolve(TimeValue(calendar="hijri", hijri_year=61, hijri_month=1, hijri_day=10))
    assert (r.value, r.hijri_value, r.start_date) == ("XXXX-XX-XX", "0061-01-10", None)


def test_day_30_of_a_29_day_month_is_flagged_not_shifted():
    assert month_span(1443, 8)[1] == date(2022, 4, 1)  # شعبان 1443 has 29 days
    r = resolve(TimeValue(calendar="hijri", hijri_year=1443, hijri_month=8, hijri_day=30))
    assert r.start_date is None and any(f.startswith("invalid") for f in r.flags)


def test_anchor_outside_the_table_does_not_crash():
    r = resolve(TimeValue(calendar="hijri", hijri_month=9), date(1900, 1, 1))
    assert r.start_date is None and r.flags


def test_no_anchor_keeps_month_as_x():
    r = resolve_hijri(TimeValue(calendar="hijri", hijri_month=9, cue="future"), Context())
    assert (r.value, r.hijri_value, r.start_date) == ("XXXX-XX", "XXXX-09", None)


# -- relative to the anchor -----------------------------------------------------------------------
@pytest.mark.parametrize("text,anchor,hijri_value", [
    ("رمضان المقبل", date(2021, 11, 24), "1443-09"),
    ("رمضان الماضي", date(2021, 11, 24), "1442-09"),
    ("رمضان الماضي", date(2022, 4, 10), "1442-09"),  # during Ramadan, "last Ramadan" is the one before
    ("شهر رمضان الحالي", date(2022, 4, 10), "1443-09"),
    ("في رمضان", date(2022, 4, 10), "1443-09"),  # begun on or before the anchor
    ("عيد الأضحى", date(2022, 7, 8), "1443-12-10"),  # the day before: the nearest one
    ("احتفل المسلمون بعيد الأضحى", date(2022, 7, 8), "1442-12-10"),  # ... unless a past verb
    ("سيحتفل المسلمون بعيد الأضحى", date(2022, 7, 8), "1443-12-10"),  # ... unless a future cue
    ("العام الهجري الماضي", date(2021, 11, 24), "1442"),
])
def test_relative_hijri(text, anchor, hijri_value):
    found = [t for t in tag_text(text, anchor) if t.calendar == "hijri"]
    assert [t.hijri_value for t in found] == [hijri_value]


# -- dual dates -----------------------------------------------------------------------------------
def test_dual_date_is_one_expression():
    t = only("الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ")
    assert (t.value, t.calendar, t.hijri_value, t.flags) == ("2021-11-24", "hijri", "1443-04-19", [])
    assert t.text.endswith("مـ")


def test_dual_date_halves_disagreeing_are_flagged():
    t = only("19 ربيع الثاني 1443 هـ الموافق 26 نوفمبر 2021 م")
    assert t.value == "2021-11-26" and t.hijri_value == "1443-04-19"
    assert any(f.startswith("dual: halves disagree by 2 days") for f in t.flags)


def test_dual_date_one_day_apart_is_normal():
    t = only("24 نوفمبر 2021 الموافق 20 ربيع الثاني 1443 هـ")  # local moon sighting
    assert t.value == "2021-11-24" and not t.flags


def test_weekday_mismatch_on_hijri_day_is_flagged():
    t = only("الخميس 19 ربيع الثاني 1443 هـ")
    assert t.value == "2021-11-24" and any("weekday mismatch" in f for f in t.flags)


# -- ambiguous names: a false date is worse than a missing one --------------------------------------
@pytest.mark.parametrize("text", [
    "التقى الوزير بالفنان محمد رمضان أمس",
    "صرح رجب طيب أردوغان للصحفيين",
    "أعرب عن ثقته في رجب طيب أردوغان",
    "فاز الفريق 2 صفر على ضيفه",
    "وصلت نسبة البطالة إلى صفر تقريبا",
    "هذا الفعل محرم دوليا",
    "قال شعبان عبد الرحيم إن الأغنية جاهزة",
    "رجب نفسه لم يحضر الاجتماع",
])
def test_name_look_alikes_give_no_hijri_date(text):
    assert [t.text for t in tag_text(text, ANCHOR) if t.calendar == "hijri"] == []


@pytest.mark.parametrize("text", ["وشوال", "بعيد الفطر", "للمولد النبوي", "وفي رمضان"])
def test_offsets_point_into_the_original_text(text):
    for t in tag_text(text, ANCHOR):
        assert text[t.start:t.end] == t.text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="رمضانشعبجصفرحمهـ 0123456789/-١٤٣عيدالفطرأضحى", max_size=40))
def test_never_crashes_on_hijri_like_text(text):
    for t in tag_text(text, ANCHOR):
        assert text[t.start:t.end] == t.text
