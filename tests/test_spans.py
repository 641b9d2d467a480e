"""What the corpus rows cannot show of the span constructions: flags, the parts of a value, what
later stages read from it (chrono.tagger.grammar.ranges, durations, relative, hijri)."""
from __future__ import annotations

from datetime import date

import pytest

from chrono.lexicon import LEXICON
from chrono.models import Anchor, Document, Settings, read_value
from chrono.pipeline import tag_document, tag_text
from chrono.resolve import resolve
from chrono.resolve.gregorian import compound_duration_value
from chrono.tagger.values import TimeValue, parse_canonical

ANCHOR = date(2015, 7, 21)


def _one(text: str, anchor: date = ANCHOR):
    timexes = tag_text(text, anchor)
    assert len(timexes) == 1, [(t.text, t.value) for t in timexes]
    return timexes[0]


def test_a_written_year_wins_over_its_relative_year_and_is_flagged():
    text = "ارتفعت الواردات العام الماضي 2013 بنسبة كبيرة"
    # the text says it was written in 2014: the page's anchor is contradicted, the written year stays
    tags = tag_document(Document(id="d", text=text, anchor=Anchor(date=ANCHOR, source="cli", confidence=1.0)))
    assert tags.anchor.source == "contradicted"
    assert [(t.text, t.value) for t in tags.timexes] == [("العام الماضي 2013", "2013")]
    # kept against the text (--keep-anchor), the disagreement is a flag on the expression
    kept = tag_text(text, ANCHOR, Settings(keep_anchor=True))
    assert [t.value for t in kept] == ["2013"]
    assert any("relative year mismatch" in flag for flag in kept[0].flags)
    agreeing = _one("ارتفعت الواردات العام الماضي 2014 بنسبة كبيرة")
    assert agreeing.value == "2014" and not any("mismatch" in flag for flag in agreeing.flags)


def test_a_written_hijri_year_after_a_relative_year_is_flagged_when_they_disagree():
    t = _one("تكون جدة ابتداء من العام المقبل 1440 مدينة المهرجانات")
    assert t.calendar == "hijri" and t.hijri_value == "1440"
    assert any("relative year mismatch" in flag for flag in t.flags)


def test_a_duration_in_two_units_keeps_both_parts():
    v = _one("استغرقت الرسالة 4 ساعات و25 دقيقة لتصل").typed_value
    assert v.start.shape == "duration"
    two_parts = TimeValue(kind="duration", unit="week", amount=2.0,
                          plus=TimeValue(kind="duration", unit="day", amount=3.0).canonical())
    assert parse_canonical(two_parts.canonical()) == two_parts
    assert compound_duration_value(two_parts) == "P17D"  # ISO 8601 mixes no week with another part


@pytest.mark.parametrize("text", ["تتراوح أعمارهم بين ثمانية و12 عاما", "تستغرق ما بين دقيقة وثلاث دقائق"])
def test_a_range_of_amounts_is_a_duration_that_dates_nothing(text):
    t = _one(text)
    assert t.type == "DURATION" and t.start_date is None and t.end_date is None
    # TIMEX3 has no value for a range of durations: the longer one, EQUAL_OR_LESS, both in a flag
    assert read_value(t.value).start.shape == "duration" and t.mod == "EQUAL_OR_LESS"
    assert any(flag.startswith("duration range: P") for flag in t.flags)


def test_years_before_the_common_era_have_no_calendar_days():
    for text in ("حكم مصر بين عامي 284 و246 قبل الميلاد", "شيد الميناء في القرن الثالث قبل الميلاد"):
        t = _one(text)
        assert t.start_date is None and t.end_date is None
        assert read_value(t.value).start.bc and read_value(t.value).end.bc


def test_the_lexicon_gives_each_eid_its_days():
    assert LEXICON.holiday_days["eid_al_fitr"] == 3 and LEXICON.holiday_days["eid_al_adha"] == 4
    assert LEXICON.holiday_days["arafah"] == 1


def test_the_days_of_an_unnamed_eid_are_those_of_the_eid_the_anchor_points_to():
    fitr = _one("شهدت الحدائق إقبالا كبيرا خلال أيام العيد")
    assert (fitr.start_date, fitr.end_date) == (date(2015, 7, 17), date(2015, 7, 19))
    adha = _one("شهدت الحدائق إقبالا كبيرا خلال أيام العيد", date(2015, 9, 30))
    assert (adha.start_date, adha.end_date) == (date(2015, 9, 23), date(2015, 9, 26))


def test_a_clock_time_in_the_clause_of_the_feast_days_falls_on_their_first_day():
    timexes = tag_text("أعلنت الصحة أن الزيارة خلال أيام عيد الفطر تبدأ من الساعة الثامنة صباحًا", ANCHOR)
    clock = next(t for t in timexes if t.type == "TIME")
    assert clock.value == "2015-07-17T08:00"


@pytest.mark.parametrize("text", [
    "أيام العيد فرصة للتزاور وصلة الرحم",
    "كان الأهالي يعملون طوال أيام العيد على إسعاد المجتمع",
    "يبدأ السمر بالرقصات الشعبية ويتخلل أيام العيد أمسيات",
])
def test_an_eid_no_tense_places_dates_nothing(text):
    assert [t.value for t in tag_text(text, ANCHOR) if t.type == "DATE"] == []


def test_the_first_days_of_a_named_feast_can_outnumber_its_days():
    t = _one("زار المعرض آلاف خلال الأربعة الأيام الأولى من عيد الفطر")
    assert (t.start_date, t.end_date, t.hijri_value) == (date(2015, 7, 17), date(2015, 7, 20), "1436-10-01/1436-10-04")


def test_a_start_to_this_day_is_the_start_on_or_after_like_since():
    to_date, since = _one("عضو المجلس 2001 حتى تاريخه"), _one("عضو المجلس منذ 2001")
    assert (to_date.value, to_date.mod, to_date.start_date) == (since.value, since.mod, since.start_date)
    assert resolve(TimeValue(year=2001, mod="ON_OR_AFTER"), ANCHOR).mod == to_date.mod == "ON_OR_AFTER"
