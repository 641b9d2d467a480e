"""Times on their day: a clock time takes the day (and part of day) its clause names, else its
sentence's, else it has no date; hours count in days; time around an event is a duration."""
from __future__ import annotations

from datetime import date

import pytest

from chrono.merge import build_timeline
from chrono.models import Anchor, Document
from chrono.pipeline import document_anchor, tag_document, tag_text

ANCHOR = date(2015, 7, 21)  # a Tuesday


def _times(text: str, anchor: date = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_text(text, anchor) if t.type == "TIME"]


@pytest.mark.parametrize("text,expected", [
    ("تنطلق المباراة مساء يوم غد الأربعاء عند الساعة التاسعة", "2015-07-22T21:00"),  # day and part of day
    ("وقع الانفجار أمس عند الساعة الـ12:40 ظهرا", "2015-07-20T12:40"),
    ("وصل الوزير مساء أمس، وعقد اجتماعا عند الساعة العاشرة", "2015-07-20T10:00"),  # the day, not the evening
    ("يبدأ العرض غداً الساعة الواحدة ظهراً", "2015-07-22T13:00"),
    ("مساء أمس عند الساعة 2", "2015-07-20T02:00"),  # two is no evening hour: the evening is not taken
    ("أعلنت الشرطة أن الحادث وقع الساعة العاشرة صباحا. وكان الوزير قد وصل أمس", "XXXX-XX-XXT10:00"),
])
def test_a_clock_time_takes_its_clause_day(text, expected):
    assert _times(text)[-1][1] == expected


@pytest.mark.parametrize("text", [
    "يفتح السوق أبوابه يوميا من الساعة الرابعة عصرا حتى منتصف الليل",  # daily hours
    "تقلع الرحلة من مطار دبي في الساعة 8:20 صباحا",  # a timetable
    "بدأ المتقدمون بالتوافد منذ الساعة الثالثة فجرا",  # a story whose day was told before
])
def test_a_clock_time_whose_sentence_names_no_day_has_no_date(text):
    found = [t for t in tag_text(text, ANCHOR) if t.type == "TIME"]
    assert found and all(t.value.startswith("XXXX-XX-XXT") and t.start_date is None for t in found)
    assert all(any("names no day" in f for f in t.flags) for t in found)


def test_a_clock_time_with_its_own_day_keeps_it():
    assert _times("وصل الوفد أمس، وسيغادر الساعة العاشرة من صباح غد") == [
        ("الساعة العاشرة من صباح غد", "2015-07-22T10:00")]


def test_a_clock_time_that_took_its_day_is_no_evidence_of_the_day_of_writing():
    text = "وصل الوفد أمس الاثنين عند الساعة العاشرة، وقال الوزير اليوم الثلاثاء إن المحادثات بدأت."
    anchor = document_anchor(Document(id="d", text=text, anchor=Anchor(date=ANCHOR, source="jsonl", confidence=1.0)))
    assert anchor.date == ANCHOR and not anchor.warnings


@pytest.mark.parametrize("text,value", [
    ("انطلقت القافلة قبل 48 ساعة", "2015-07-19"),
    ("وصل قبل 36 ساعة", "2015-07-20"),
    ("غادر قبل ساعتين", "2015-07-21"),
    ("يصل الوفد بعد 72 ساعة", "2015-07-24"),
])
def test_hours_count_in_whole_days(text, value):
    assert [t.value for t in tag_text(text, ANCHOR)] == [value]


@pytest.mark.parametrize("text,value", [
    ("أعرب عن نيته ترك منصبه بعد أيام على إعادة انتخابه", "PXD"),
    ("اندلعت المواجهات قبل أسابيع من الانتخابات", "PXW"),
])
def test_some_time_around_an_event_is_a_duration(text, value):
    found = [t for t in tag_text(text, ANCHOR) if t.value == value]
    assert len(found) == 1 and found[0].type == "DURATION"


def test_vague_time_ago_and_since_stay_references():
    assert [t.value for t in tag_text("وصل الوفد قبل أيام", ANCHOR)] == ["PAST_REF"]
    assert [t.value for t in tag_text("يعتمدون منذ عقود على المبادلات", ANCHOR)] == ["PAST_REF"]


def test_a_night_told_from_publication_keeps_its_day_beside_a_statement_s_date():
    # the statement is Saturday's; the strikes were the night before, whatever day the
    # sentence named first
    text = "وأكد مكتب رئيس الوزراء في بيان السبت 25 يوليو قصف الطيران 7 معسكرات للمسلحين الليلة الماضية."
    doc = Document(id="d", text=text, anchor=Anchor(date=date(2015, 7, 25)))
    values = {m.text: m.value for e in build_timeline([(doc, tag_document(doc))]).entries for m in e.mentions}
    assert values["الليلة الماضية"] == "2015-07-24TNI"
