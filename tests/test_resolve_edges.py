"""Inputs that used to crash where a field may be None (found by mypy): a soft constraint beside a
corrected anchor, and hand-made TimeValues no rule builds, which resolve now flags as invalid."""
from __future__ import annotations

from datetime import date

import pytest

import chrono
from chrono.resolve import resolve
from chrono.tagger.values import TimeValue


def test_a_range_of_this_month_does_not_stop_the_text_correcting_its_anchor():
    # 'من 23 إلى 25 نوفمبر الحالي' gives a strong constraint (November) and a soft one (inside the
    # days, which has no check); the anchor correction used to call the missing check.
    text = "وقع الوزيران اليوم الاثنين اتفاقاً يسري من 23 إلى 25 نوفمبر الحالي."
    values = [(t.text, t.value) for t in chrono.tag(text, anchor="2021-11-23")]
    assert values == [("اليوم الاثنين", "2021-11-22"), ("من 23 إلى 25 نوفمبر الحالي", "2021-11-23/2021-11-25")]


@pytest.mark.parametrize("value, flag", [
    (TimeValue(calendar="hijri", hijri_year=1443, hijri_day=5), "invalid: Hijri day 5 without its month"),
    (TimeValue(calendar="hijri", either_order=True, weekday=1, hijri_year=1436, hijri_day=4),
     "invalid: Hijri day 4 without its month"),
    (TimeValue(kind="duration", amount=3), "invalid: a duration without its unit"),
])
def test_a_value_missing_a_field_its_kind_needs_is_flagged_not_a_crash(value, flag):
    for anchor in (None, date(2021, 11, 24)):
        r = resolve(value, anchor)
        assert r.start_date is None and flag in r.flags


def test_a_dual_date_without_its_hijri_day_resolves_each_half():
    r = resolve(TimeValue(calendar="hijri", month=11, day=24, hijri_month=9), date(2021, 11, 24))
    assert r.value == "2021-11-24" and r.hijri_value == "1443-09"
    assert any(f.startswith("dual: halves disagree") for f in r.flags)


def test_every_policy_of_settings_is_described_for_prefer_help():
    """A new policy is a name in `Prefer` and a line in `POLICIES` (which `--prefer` lists)."""
    from typing import get_args

    from chrono.models import Prefer
    from chrono.resolve import POLICIES

    assert list(get_args(Prefer)) == list(POLICIES)
