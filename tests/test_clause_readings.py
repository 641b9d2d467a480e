"""Readings decided by the clause around an expression (chrono.tagger.context): habitual months and
holidays, former titles."""
from __future__ import annotations

from datetime import date

import pytest

from chrono.pipeline import tag_text

ANCHOR = date(2021, 11, 24)


def _values(text: str) -> list[str]:
    return [t.value for t in tag_text(text, ANCHOR)]


@pytest.mark.parametrize("text", [
    "يعقد المؤتمر كل عام في شهر نوفمبر بمشاركة واسعة",
    "اعتاد الأهالي استقبال عيد الفطر بموائد جماعية",
    "تتكرر المشكلات الصحية في كل عام مع حلول عيد الأضحى",
    "كعادتها تطلق الشركة عروضا خاصة في شهر رمضان المبارك",
])
def test_a_habitual_clause_dates_no_month_or_holiday(text):
    assert [v for v in _values(text) if v not in ("P1Y",)] == []


@pytest.mark.parametrize("text, expression", [
    ("هنأ الملك المواطنين بحلول عيد الفطر، كل عام وأنتم بخير", "عيد الفطر"),
    ("أقيمت الولائم في أول أيام عيد الفطر هذا العام كما اعتاد الأهالي", "أول أيام عيد الفطر هذا العام"),
    ("تعقد القمة في شهر نوفمبر بمشاركة واسعة", "شهر نوفمبر"),
])
def test_greetings_this_year_and_plain_clauses_keep_their_date(text, expression):
    assert expression in [t.text for t in tag_text(text, ANCHOR)]


@pytest.mark.parametrize("text", [
    "قال عضو مجلس الشورى سابقا إن الخطة طموحة",
    "حذر رئيس أركان الجيوش التونسية سابقا من الفوضى",
    "صرح مدرب المنتخب الوطني سابقا بأن الفريق جاهز",
])
def test_a_former_title_is_not_past_ref(text):
    assert "PAST_REF" not in _values(text)


@pytest.mark.parametrize("text", [
    "وكان وزير الخارجية قد أعرب سابقا عن رغبته في الزيارة",
    "كانت بيانات الوزارة سابقا تشير إلى ذلك",
    "أكدها سابقا رئيس الهيئة في مقابلة",
])
def test_previously_after_a_verb_stays_past_ref(text):
    assert "PAST_REF" in _values(text)
