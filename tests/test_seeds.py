"""Issue "Done when" checks for the tagger on the seeds (the golden files pin the rest)."""
from __future__ import annotations

import pytest

from tools.golden import seed_pairs


@pytest.fixture(scope="module")
def seeds():
    return {tags.id[:3]: (doc, tags) for doc, tags in seed_pairs()}


@pytest.mark.parametrize("seed,text,value,mod,granularity", [
    ("001", "اليوم الأربعاء", "2021-11-24", None, "day"),
    ("001", "ليلة الثلاثاء", "2021-11-23TNI", None, "part_of_day"),
    ("001", "أواخر العام الماضي", "2020", "END", "year"),
    ("001", "العام 1993", "1993", None, "year"),
    ("002", "يوم الأربعاء", "2021-11-24", None, "day"),
    ("002", "دجنبر(ديسمبر) 2020", "2020-12", None, "month"),
    ("002", "من 23 إلى 25 نوفمبر الحالي", "2021-11-23/2021-11-25", None, "day"),
    ("004", "22 ديسمبر (كانون الأول) الماضي", "2020-12-22", None, "day"),
    ("004", "الشهر الماضي", "2021-10", None, "month"),
    ("004", "غداً الخميس", "2021-11-25", None, "day"),
    ("000", "العاشر من ديسمبر الماضي", "2020-12-10", None, "day"),
    ("003", "يوم الأربعاء الماضي", "2021-11-24", None, "day"),
    ("003", "أغسطس المنقضي", "2021-08", None, "month"),
])
def test_seed_expression(seeds, seed, text, value, mod, granularity):
    doc, tags = seeds[seed]
    found = [t for t in tags.timexes if t.text == text]
    assert found, f"{text!r} not found in seed {seed}: {[t.text for t in tags.timexes]}"
    t = found[0]
    assert (t.value, t.mod, t.granularity) == (value, mod, granularity)
    assert doc.text[t.start:t.end] == t.text


@pytest.mark.parametrize("count", ["3 آلاف", "700 ألف"])
def test_counts_are_not_dates(seeds, count):
    doc, tags = seeds["000"]
    at = doc.text.index(count)
    assert not [t for t in tags.timexes if t.start < at + len(count) and at < t.end]


def test_every_offset_points_into_the_text(seeds):
    for doc, tags in seeds.values():
        for t in tags.timexes:
            assert doc.text[t.start:t.end] == t.text
