"""Dates without their year: the nearest occurrence unless the clause's tense decides, the
--prefer switch, named weekdays that must agree, ranges that keep their order, and the year a
date takes from earlier in its sentence."""
from __future__ import annotations

from datetime import date

import pytest

from chrono.models import Settings
from chrono.normalize import normalize
from chrono.pipeline import tag_text
from chrono.resolve import resolve
from chrono.tagger import clause_tense, find_expressions, word_tense
from chrono.tagger.values import TimeValue


def _values(text: str, anchor: date, prefer: str = "news") -> list[str]:
    return [t.value for t in tag_text(text, anchor, Settings(prefer=prefer))]


@pytest.mark.parametrize("text,anchor,expected", [
    ("24 نوفمبر", date(2021, 11, 10), "2021-11-24"),  # later this year: stays in this year
    ("10 نوفمبر", date(2021, 11, 10), "2021-11-10"),  # the anchor day itself is on or after it
    ("3 نوفمبر", date(2021, 11, 10), "2022-11-03"),
    ("نوفمبر", date(2021, 11, 10), "2021-11"),  # the anchor's month is not pushed to next year
    ("ديسمبر", date(2021, 11, 10), "2021-12"),
])
def test_prefer_future_never_pushes_a_date_later_this_year_to_next_year(text, anchor, expected):
    assert _values(text, anchor, "future") == [expected]


@pytest.mark.parametrize("text,expected", [
    ("3 ديسمبر", "2020-12-03"),  # past: the latest on or before, even when the next one is nearer
    ("تنطلق البطولة في 3 ديسمبر", "2020-12-03"),  # the policy wins over the clause
    ("3 ديسمبر المقبل", "2021-12-03"),  # an explicit cue wins over the policy
])
def test_prefer_past(text, expected):
    assert _values(text, date(2021, 11, 10), "past") == [expected]


@pytest.mark.parametrize("text,anchor,expected", [
    ("3 ديسمبر", date(2021, 11, 10), "2021-12-03"),  # 23 days ahead, not 342 back
    ("20 يناير", date(2015, 7, 21), "2015-01-20"),  # 182 back against 183 ahead
])
def test_news_default_is_the_nearest_occurrence(text, anchor, expected):
    r = resolve(tag_first_value(text), anchor)
    assert r.value == expected


def tag_first_value(text: str) -> TimeValue:
    return find_expressions(text)[0].item.value


def test_the_nearest_is_by_days():
    # 3 May 2022 is 174 days after 10 Nov 2021, 3 May 2021 is 191 days before it
    assert resolve(TimeValue(month=5, day=3), date(2021, 11, 10)).value == "2022-05-03"


def test_a_weekday_that_agrees_nowhere_is_flagged_and_changes_nothing():
    # 18 February is a Sunday in 2018 and a Monday in 2019: no Tuesday within reach
    r = resolve(TimeValue(month=2, day=18, weekday=2), date(2018, 8, 10))
    assert r.value == "2018-02-18"
    assert any(f.startswith("weekday mismatch") for f in r.flags)


def test_a_weekday_moves_the_date_to_the_other_side_of_the_anchor():
    assert resolve(TimeValue(month=2, day=18, weekday=1), date(2018, 8, 10)).value == "2019-02-18"
    assert resolve(TimeValue(month=2, day=18, weekday=1), date(2018, 8, 10), past_cue=True).value == "2019-02-18"


def test_a_weekday_never_overrides_an_explicit_cue_nor_reaches_further_than_a_year():
    r = resolve(TimeValue(month=2, day=18, weekday=1, cue="past"), date(2018, 8, 10))
    assert r.value == "2018-02-18" and any("weekday mismatch" in f for f in r.flags)
    # Saturday 12 July is 2014; in a past clause written 21 July 2015 it stays 2015 (flagged)
    r = resolve(TimeValue(month=7, day=12, weekday=6), date(2015, 7, 21), past_cue=True)
    assert r.value == "2015-07-12" and any("weekday mismatch" in f for f in r.flags)


def test_29_february_takes_the_nearest_leap_year():
    assert resolve(TimeValue(month=2, day=29), date(2021, 11, 10)).value == "2020-02-29"
    assert resolve(TimeValue(month=2, day=29), date(2023, 11, 10)).value == "2024-02-29"


def test_an_impossible_day_is_invalid():
    r = resolve(TimeValue(month=4, day=31), date(2021, 11, 10))
    assert r.start_date is None and any(f.startswith("invalid") for f in r.flags)


def test_announced_dates_allow_for_the_crawl_lag_but_not_more():
    anchor = date(2019, 7, 24)
    assert resolve(TimeValue(month=7, day=10), anchor, future_cue=True).value == "2019-07-10"
    assert resolve(TimeValue(month=6, day=10), anchor, future_cue=True).value == "2020-06-10"
    assert resolve(TimeValue(month=7, day=10, cue="future"), anchor).value == "2020-07-10"


@pytest.mark.parametrize("word,tense", [
    ("انطلقت", "past"), ("وأُعلن", "past"), ("جرت", "past"), ("انتهت", "past"), ("وكان", "past"),
    ("تنطلق", "future"), ("يُعقد", "future"), ("ويختتمان", "future"), ("سيلتقي", "future"),
    ("المقرر", "future"), ("عقد", None), ("الانطلاق", None), ("سيارة", None), ("يقول", None),
])
def test_word_tense(word, tense):
    assert word_tense(normalize(word).text) == tense


@pytest.mark.parametrize("text,tense", [
    ("انطلقت البطولة في 5 أغسطس", "past"),
    ("تنطلق البطولة في 5 أغسطس", "future"),
    ("وفي 5 أغسطس أعلنت الوزارة النتائج", "past"),
    ("قال الوزير إن المؤتمر في 5 أغسطس", None),  # the verb dates the saying
    ("وسيغادر الرئيس - الذي انتخب في 1998 - منصبه في 5 أغسطس", "future"),  # the aside has its own verb
    ("انطلقت البطولة. وفي 5 أغسطس", None),  # another sentence
    ("موعد المباراة 5 أغسطس، وقد انتهت الاستعدادات", None),  # after a comma: another clause
])
def test_clause_tense(text, tense):
    norm = normalize(text).text
    start = norm.index("5 اغسطس")
    assert clause_tense(norm, start, start + len("5 اغسطس")) == tense


def test_a_date_in_a_past_clause_is_placed_before_the_anchor_in_the_pipeline():
    anchor = date(2015, 7, 21)
    assert _values("انطلقت البطولة في 5 أغسطس", anchor) == ["2014-08-05"]
    assert _values("تنطلق البطولة في 5 أغسطس", anchor) == ["2015-08-05"]
    assert _values("البطولة في 5 أغسطس", anchor) == ["2015-08-05"]


def test_sentence_year_is_not_borrowed_across_an_aside():
    anchor = date(2015, 7, 21)
    assert _values("في عام 2019 بدأت الاحتجاجات في 17 تشرين الأول", anchor) == ["2019", "2019-10-17"]
    assert _values("انتهى ترشحه في العام 2012 (أعلن ترشحه الحالي في 4 يونيو)", anchor) == ["2012", "2015-06-04"]


def test_a_month_named_alone_takes_the_year_its_document_gives_that_month():
    text = ("وسيبقى الرئيس في منصبه لحين انتخاب خلف له في 26 فبراير المقبل. وقال: «حين أصل لنهاية "
            "ولايتي في فبراير سنكون قد بدأنا الإصلاح».")
    assert _values(text, date(2015, 7, 21)) == ["2016-02-26", "2016-02"]
    # alone, the month is the nearest February (written in July); a past clause keeps its own
    assert _values("وقال إن الإصلاح الكامل مرتبط بشهر فبراير.", date(2015, 7, 21)) == ["2015-02"]
    text = "وينتخب خلفه في 26 فبراير المقبل، وكان قد بدأ الإصلاح في فبراير."
    assert _values(text, date(2015, 7, 21)) == ["2016-02-26", "2015-02"]
    # two different years for that month elsewhere: no single story, the month stays
    text = "عقد الاجتماع في 3 فبراير الماضي ويعقد التالي في 5 فبراير المقبل، وكان الطقس باردا في فبراير."
    assert _values(text, date(2015, 7, 21))[-1] == "2015-02"
